package io.dastyar.handoff.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dastyar.handoff.eta.EtaSettings;
import io.dastyar.handoff.replay.ScriptedEvent.AgentOffline;
import io.dastyar.handoff.replay.ScriptedEvent.AgentOnline;
import io.dastyar.handoff.replay.ScriptedEvent.CustomerGivesUp;
import io.dastyar.handoff.replay.ScriptedEvent.CustomerQueued;

/** The scripted days are what the replay claims they are, and the simulated desk serves first come first served. */
class DayScriptTest {

    @Test
    void aSeedNamesADay() {
        assertThat(DayScriptGenerator.generate(DayProfiles.weekday(), 7))
                .isEqualTo(DayScriptGenerator.generate(DayProfiles.weekday(), 7))
                .isNotEqualTo(DayScriptGenerator.generate(DayProfiles.weekday(), 8));
    }

    @Test
    void eachDayHasThreeToSixHundredHandOffsAndTwoToSixAgentsOnlineMostOfTheTime() {
        for (DayScript day : EtaReplayTest.DAYS) {
            assertThat(day.customers()).as(day.name()).isBetween(250L, 650L);
            Set<String> online = new HashSet<>();
            Duration open = Duration.ZERO;
            Duration alone = Duration.ZERO;
            Instant lastChange = Instant.MIN;
            int most = 0;
            for (ScriptedEvent event : day.events()) {
                if (!(event instanceof AgentOnline || event instanceof AgentOffline)) {
                    continue;
                }
                Duration since = online.isEmpty() ? Duration.ZERO : Duration.between(lastChange, event.at());
                open = open.plus(since);
                alone = online.size() == 1 ? alone.plus(since) : alone;
                if (event instanceof AgentOnline agent) {
                    online.add(agent.agent());
                } else {
                    online.remove(((AgentOffline) event).agent());
                }
                lastChange = event.at();
                most = Math.max(most, online.size());
            }
            assertThat(most).as(day.name()).isBetween(3, 8);
            // One agent alone only for minutes, as shifts start and end; on the sick day, though, for each break
            // in the evening: that is the point of it.
            long allowedAlone = day.name().equals("sick day") ? open.toSeconds() / 10 : open.toSeconds() / 20;
            assertThat(alone.toSeconds()).as(day.name()).isLessThan(allowedAlone);
        }
    }

    @Test
    void everyCustomerHasAHandleTimeAndGivesUpOnlyAfterJoining() {
        DayScript day = DayScriptGenerator.generate(DayProfiles.weekday(), 1);
        Map<String, Instant> joined = new HashMap<>();
        for (ScriptedEvent event : day.events()) {
            if (event instanceof CustomerQueued queued) {
                assertThat(queued.handleTime()).isPositive();
                joined.put(queued.customer(), queued.at());
            } else if (event instanceof CustomerGivesUp givesUp) {
                assertThat(givesUp.at()).isAfterOrEqualTo(joined.get(givesUp.customer()));
            }
        }
        List<Duration> handleTimes = day.events().stream().filter(CustomerQueued.class::isInstance)
                .map(event -> ((CustomerQueued) event).handleTime()).sorted().toList();
        assertThat(handleTimes.get(handleTimes.size() / 2)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
    }

    @Test
    void theDeskServesFirstComeFirstServedAndAccountsForEveryone() {
        for (DayScript day : EtaReplayTest.DAYS) {
            ReplayResult result = QueueReplay.run(day, EtaReplayTest.forecasters(EtaSettings.DEFAULTS));

            assertThat(result.assigned() + result.abandoned() + result.leftWaiting()).isEqualTo(result.customers());
            List<Notice> joinings = result.notices().stream().filter(Notice::onJoining).toList();
            assertThat(joinings).hasSize(result.assigned());
            Instant lastAssigned = Instant.MIN;
            for (Notice joining : joinings) {
                Instant assigned = joining.at().plus(joining.actualRemaining());
                assertThat(assigned).as(joining.customer()).isAfterOrEqualTo(lastAssigned);
                lastAssigned = assigned;
            }
        }
    }
}
