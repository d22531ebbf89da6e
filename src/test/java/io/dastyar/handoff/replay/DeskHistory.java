package io.dastyar.handoff.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.dastyar.handoff.eta.HandledChat;
import io.dastyar.handoff.eta.PastWait;

/**
 * What the simulated desk remembers, in time order, and the recent part a snapshot carries: more than the
 * estimate's window, as the service's query would, but not the whole day, which would make a long day slow.
 */
final class DeskHistory {

    static final Duration CARRIED = Duration.ofHours(4);

    private final List<HandledChat> chats = new ArrayList<>();
    private final List<PastWait> waits = new ArrayList<>();

    void ended(HandledChat chat) {
        chats.add(chat);
    }

    void left(PastWait wait) {
        waits.add(wait);
    }

    List<HandledChat> recentChats(Instant now) {
        return chats.subList(firstAfter(chats, HandledChat::endedAt, now.minus(CARRIED)), chats.size());
    }

    List<PastWait> recentWaits(Instant now) {
        return waits.subList(firstAfter(waits, PastWait::leftAt, now.minus(CARRIED)), waits.size());
    }

    int assigned() {
        return (int) waits.stream().filter(PastWait::assigned).count();
    }

    private static <T> int firstAfter(List<T> history, Function<T, Instant> time, Instant since) {
        int low = 0;
        int high = history.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (time.apply(history.get(middle)).isAfter(since)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
