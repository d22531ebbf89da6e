package io.dastyar.handoff;

import static io.dastyar.handoff.Schedules.AZERBAIJAN;
import static io.dastyar.handoff.Schedules.GULF;
import static io.dastyar.handoff.Schedules.IRAN;
import static io.dastyar.handoff.Schedules.at;
import static io.dastyar.handoff.Schedules.days;
import static io.dastyar.handoff.Schedules.hours;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Opening and closing by the weekly schedule, in the team's zone: split shifts, weekends, midnight and DST. */
class BusinessHoursTest {

    private static final String TEHRAN = "Asia/Tehran";

    @Test
    void withNothingConfiguredTheTeamIsAlwaysOpen() {
        var hours = BusinessHours.of(new HandoffProperties.Hours(ZoneId.of("UTC"), null, Schedules.NO_HOLIDAYS,
                HandoffProperties.ArabicCalendar.GREGORIAN));
        Instant now = Instant.parse("2027-03-21T03:17:00Z");
        assertThat(hours.isOpen(now)).isTrue();
        assertThat(hours.nextOpening(now)).contains(now);
        assertThat(hours.nextClosing(now)).isEmpty();
        assertThat(BusinessHours.alwaysOpen().isOpen(Instant.EPOCH)).isTrue();
    }

    @Test
    void aSplitDayIsOpenInEachShiftAndClosedOverLunch() {
        var hours = hours(TEHRAN, IRAN);
        // Saturday 2 January 2027.
        assertThat(hours.isOpen(at("2027-01-02T08:59", TEHRAN))).isFalse();
        assertThat(hours.isOpen(at("2027-01-02T09:00", TEHRAN))).isTrue();
        assertThat(hours.isOpen(at("2027-01-02T10:00", TEHRAN))).isTrue();
        assertThat(hours.isOpen(at("2027-01-02T13:30", TEHRAN))).isFalse();
        assertThat(hours.isOpen(at("2027-01-02T14:30", TEHRAN))).isTrue();
        assertThat(hours.isOpen(at("2027-01-02T17:00", TEHRAN))).isFalse();
        assertThat(hours.nextOpening(at("2027-01-02T13:30", TEHRAN))).contains(at("2027-01-02T14:00", TEHRAN));
        assertThat(hours.nextClosing(at("2027-01-02T10:00", TEHRAN))).contains(at("2027-01-02T13:00", TEHRAN));
        assertThat(hours.nextOpening(at("2027-01-02T10:00", TEHRAN))).as("open now").contains(at("2027-01-02T10:00", TEHRAN));
        assertThat(hours.nextClosing(at("2027-01-02T13:30", TEHRAN))).as("closed now").contains(at("2027-01-02T13:30", TEHRAN));
        assertThat(hours.nextOpening(at("2027-01-02T17:00", TEHRAN))).contains(at("2027-01-03T09:00", TEHRAN));
    }

    @Nested
    class Weekends {

        @Test
        void inIranFridayIsClosedAndThursdayIsAMorning() {
            var hours = hours(TEHRAN, IRAN);
            assertThat(hours.isOpen(at("2027-01-07T12:00", TEHRAN))).as("Thursday morning").isTrue();
            assertThat(hours.isOpen(at("2027-01-07T14:30", TEHRAN))).as("Thursday afternoon").isFalse();
            assertThat(hours.isOpen(at("2027-01-08T10:00", TEHRAN))).as("Friday").isFalse();
            assertThat(hours.nextOpening(at("2027-01-07T13:00", TEHRAN))).contains(at("2027-01-09T09:00", TEHRAN));
        }

        @Test
        void inTheGulfFridayAndSaturdayAreClosed() {
            var hours = hours("Asia/Riyadh", GULF);
            assertThat(hours.isOpen(at("2027-01-08T10:00", "Asia/Riyadh"))).as("Friday").isFalse();
            assertThat(hours.isOpen(at("2027-01-09T10:00", "Asia/Riyadh"))).as("Saturday").isFalse();
            assertThat(hours.isOpen(at("2027-01-10T10:00", "Asia/Riyadh"))).as("Sunday").isTrue();
            assertThat(hours.nextOpening(at("2027-01-07T16:00", "Asia/Riyadh")))
                    .contains(at("2027-01-10T08:00", "Asia/Riyadh"));
        }

        @Test
        void inAzerbaijanSaturdayAndSundayAreClosed() {
            var hours = hours("Asia/Baku", AZERBAIJAN);
            assertThat(hours.isOpen(at("2027-01-08T17:59", "Asia/Baku"))).as("Friday").isTrue();
            assertThat(hours.isOpen(at("2027-01-09T10:00", "Asia/Baku"))).as("Saturday").isFalse();
            assertThat(hours.isOpen(at("2027-01-10T10:00", "Asia/Baku"))).as("Sunday").isFalse();
            assertThat(hours.nextOpening(at("2027-01-08T18:00", "Asia/Baku"))).contains(at("2027-01-11T09:00", "Asia/Baku"));
        }
    }

    @Nested
    class Midnight {

        @Test
        void aShiftEndingAt24AndOneStartingAt00AreOneStretchOfOpening() {
            var hours = hours(TEHRAN, Map.of(WEDNESDAY, List.of("18:00-24:00"), THURSDAY, List.of("00:00-02:00")));
            assertThat(hours.isOpen(at("2027-01-06T23:59:59", TEHRAN))).isTrue();
            assertThat(hours.isOpen(at("2027-01-07T00:00", TEHRAN))).isTrue();
            assertThat(hours.nextClosing(at("2027-01-06T20:00", TEHRAN))).contains(at("2027-01-07T02:00", TEHRAN));
            // 02:00 in Tehran is 22:30 on Wednesday in UTC: the team's local date is the one that counts.
            assertThat(hours.nextClosing(at("2027-01-06T20:00", TEHRAN))).contains(Instant.parse("2027-01-06T22:30:00Z"));
            assertThat(hours.nextOpening(at("2027-01-07T02:00", TEHRAN))).contains(at("2027-01-13T18:00", TEHRAN));
        }

        @Test
        void theTeamsLocalDateDecidesNotTheUtcDate() {
            var fridays = Map.of(FRIDAY, List.of("00:00-24:00"));
            var tehran = hours(TEHRAN, fridays);
            var utc = hours("UTC", fridays);
            // Friday begins in Tehran at 20:30 UTC on Thursday.
            Instant justBefore = Instant.parse("2027-01-07T20:29:59Z");
            Instant justAfter = Instant.parse("2027-01-07T20:30:00Z");
            assertThat(tehran.isOpen(justBefore)).isFalse();
            assertThat(tehran.isOpen(justAfter)).isTrue();
            assertThat(utc.isOpen(justAfter)).as("still Thursday in UTC").isFalse();
            assertThat(tehran.nextOpening(Instant.parse("2027-01-07T12:00:00Z"))).contains(justAfter);
            assertThat(utc.nextOpening(Instant.parse("2027-01-07T12:00:00Z"))).contains(Instant.parse("2027-01-08T00:00:00Z"));
            assertThat(tehran.nextClosing(justAfter)).contains(Instant.parse("2027-01-08T20:30:00Z"));
        }
    }

    @Nested
    class DaylightSaving {

        private static final String NEW_YORK = "America/New_York";

        @Test
        void anOpeningInTheSkippedHourIsWhenTheClocksJump() {
            // 14 March 2027: 02:00 EST becomes 03:00 EDT, at 07:00 UTC.
            var hours = hours(NEW_YORK, days(List.of("02:30-05:00"), SUNDAY));
            assertThat(hours.nextOpening(at("2027-03-14T00:00", NEW_YORK))).contains(Instant.parse("2027-03-14T07:00:00Z"));
            assertThat(hours.isOpen(Instant.parse("2027-03-14T06:59:59Z"))).isFalse();
            assertThat(hours.isOpen(Instant.parse("2027-03-14T07:00:00Z"))).isTrue();
            assertThat(hours.nextClosing(Instant.parse("2027-03-14T07:00:00Z"))).contains(Instant.parse("2027-03-14T09:00:00Z"));
        }

        @Test
        void aRepeatedHourOpensTheFirstTimeItComes() {
            // 7 November 2027: 02:00 EDT becomes 01:00 EST, so 01:30 comes twice; 03:00 EST is 08:00 UTC.
            var hours = hours(NEW_YORK, days(List.of("01:30-03:00"), SUNDAY));
            Instant opening = hours.nextOpening(at("2027-11-07T00:00", NEW_YORK)).orElseThrow();
            assertThat(opening).isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
            Instant closing = hours.nextClosing(opening).orElseThrow();
            assertThat(closing).isEqualTo(Instant.parse("2027-11-07T08:00:00Z"));
            assertThat(Duration.between(opening, closing)).as("the hour after 01:00 comes twice").hasMinutes(150);
        }

        @Test
        void aShiftWhollyInTheSkippedHourDoesNotOpen() {
            // 28 March 2027 in London: 01:00 GMT becomes 02:00 BST.
            var hours = hours("Europe/London", days(List.of("01:00-02:00", "09:00-17:00"), SUNDAY));
            assertThat(hours.nextOpening(at("2027-03-28T00:00", "Europe/London")))
                    .contains(Instant.parse("2027-03-28T08:00:00Z"));
            assertThat(hours.nextOpening(at("2027-03-21T00:00", "Europe/London")))
                    .as("a week earlier, the night shift opens").contains(Instant.parse("2027-03-21T01:00:00Z"));
        }
    }

    @Test
    void aClosureOfMonthsEndsWithAnOpening() {
        var hours = hours("UTC", days(List.of("09:00-17:00"), DayOfWeek.values()),
                Schedules.gregorian("2027-01-01..2027-10-31"));
        assertThat(hours.nextOpening(Instant.parse("2026-12-31T17:00:00Z"))).contains(Instant.parse("2027-11-01T09:00:00Z"));
    }

    @Test
    void aTeamThatNeverOpensHasNoNextOpening() {
        var hours = hours("UTC", days(List.of("09:00-17:00"), SUNDAY), Schedules.gregorian("2027-01-01..2028-12-31"));
        assertThat(hours.nextOpening(Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
        assertThat(hours.nextClosing(Instant.parse("2027-01-01T00:00:00Z"))).contains(Instant.parse("2027-01-01T00:00:00Z"));
    }
}
