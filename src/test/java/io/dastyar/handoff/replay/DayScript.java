package io.dastyar.handoff.replay;

import java.util.Comparator;
import java.util.List;

/**
 * A day at the hand-off desk as plain data, in time order: the same script can drive the simulated queue of
 * {@link QueueReplay} or, on a test clock, the real service.
 */
public record DayScript(String name, long seed, List<ScriptedEvent> events) {

    public DayScript {
        events = events.stream().sorted(Comparator.comparing(ScriptedEvent::at)).toList();
    }

    public long customers() {
        return events.stream().filter(ScriptedEvent.CustomerQueued.class::isInstance).count();
    }
}
