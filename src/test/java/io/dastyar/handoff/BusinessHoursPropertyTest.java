package io.dastyar.handoff;

import static io.dastyar.handoff.Schedules.AZERBAIJAN;
import static io.dastyar.handoff.Schedules.GULF;
import static io.dastyar.handoff.Schedules.IRAN;
import static io.dastyar.handoff.Schedules.days;
import static io.dastyar.handoff.Schedules.hours;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import io.dastyar.handoff.HandoffProperties.HolidayDates;

/**
 * For random instants and teams: the next opening is the first open instant from then on, the next closing the
 * first closed one. Shifts start and end on whole minutes and last a minute at least, so looking at every minute in
 * between finds any opening there would be; an instant a nanosecond earlier shows the answer is a boundary.
 */
class BusinessHoursPropertyTest {

    private static final List<BusinessHours> TEAMS = List.of(
            hours("Asia/Tehran", IRAN, new HolidayDates(null, List.of("*-01-01..*-01-04", "*-01-12", "*-01-13",
                    "*-12-29"), List.of("*-01-09..*-01-10"))),
            hours("Asia/Riyadh", GULF, new HolidayDates(List.of("*-09-23"), null, List.of("*-10-01..*-10-03"))),
            hours("Asia/Baku", AZERBAIJAN, new HolidayDates(List.of("*-01-01..*-01-02", "*-03-20..*-03-24"), null, null)),
            // Night shifts across midnight, and shifts at the hours daylight saving skips or repeats.
            hours("America/New_York", Map.of(SATURDAY, List.of("22:00-24:00"), SUNDAY, List.of("00:00-02:30",
                    "02:59-03:01", "09:00-12:00"), WEDNESDAY, List.of("01:00-01:45"))),
            hours("Europe/London", days(List.of("00:30-01:30", "01:30-02:00", "12:00-24:00"), SUNDAY, THURSDAY)),
            BusinessHours.alwaysOpen());

    private static final long FROM = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();

    private static final Gen<Instant> INSTANTS = longs().between(FROM, TO).map(seconds -> Instant.ofEpochSecond(seconds));
    private static final Gen<BusinessHours> ANY_TEAM = integers().between(0, TEAMS.size() - 1).map(index -> TEAMS.get(index));

    @Test
    void theNextOpeningIsTheFirstOpenInstantFromThenOn() {
        qt().withExamples(300).forAll(ANY_TEAM, INSTANTS).checkAssert((hours, from) -> {
            Instant opening = hours.nextOpening(from).orElseThrow();
            assertThat(opening).isAfterOrEqualTo(from);
            assertThat(hours.isOpen(opening)).as("open at %s", opening).isTrue();
            assertThat(firstMinuteBetween(from, opening, hours::isOpen)).as("open before").isEmpty();
            if (opening.isAfter(from)) {
                assertThat(hours.isOpen(opening.minusNanos(1))).isFalse();
            }
        });
    }

    @Test
    void theNextClosingIsTheFirstClosedInstantFromThenOn() {
        qt().withExamples(300).forAll(ANY_TEAM, INSTANTS).checkAssert((hours, from) -> hours.nextClosing(from).ifPresentOrElse(
                closing -> {
                    assertThat(closing).isAfterOrEqualTo(from);
                    assertThat(hours.isOpen(closing)).as("closed at %s", closing).isFalse();
                    assertThat(firstMinuteBetween(from, closing, t -> !hours.isOpen(t))).as("closed before").isEmpty();
                    if (closing.isAfter(from)) {
                        assertThat(hours.isOpen(closing.minusNanos(1))).isTrue();
                    }
                },
                () -> assertThat(hours).isSameAs(TEAMS.getLast())));
    }

    @Test
    void inIranOpenMeansAShiftOfTheLocalDayThatIsNoHoliday() {
        ZoneId tehran = ZoneId.of("Asia/Tehran");
        BusinessHours hours = TEAMS.getFirst();
        qt().withExamples(1_000).forAll(INSTANTS).checkAssert(instant -> {
            LocalDateTime local = LocalDateTime.ofInstant(instant, tehran);
            int minute = local.getHour() * 60 + local.getMinute();
            boolean inShift = IRAN.getOrDefault(local.getDayOfWeek(), List.of()).stream().map(Shift::parse)
                    .anyMatch(shift -> shift.start() <= minute && minute < shift.end());
            // Tasua and Ashura by the JDK's Umm al-Qura calendar, to check ICU's against.
            HijrahDate hijri = HijrahDate.from(local.toLocalDate());
            int month = hijri.get(ChronoField.MONTH_OF_YEAR);
            int day = hijri.get(ChronoField.DAY_OF_MONTH);
            boolean ashura = month == 1 && (day == 9 || day == 10);
            assertThat(hours.isOpen(instant)).as("%s in Tehran", local)
                    .isEqualTo(inShift && !ashura && !jalaliHoliday(local.toLocalDate()));
        });
    }

    /** The Iranian team's Jalali holidays, by ICU's Persian calendar directly. */
    private static boolean jalaliHoliday(LocalDate date) {
        var day = HolidayCalendar.dayOf(HolidayCalendar.JALALI.newCalendar(), date);
        return day.month() == 1 && day.day() <= 4 || day.month() == 1 && (day.day() == 12 || day.day() == 13)
                || day.month() == 12 && day.day() == 29;
    }

    /** The first of the whole minutes after {@code from} and before {@code to} that is {@code such}. */
    private static Optional<Instant> firstMinuteBetween(Instant from, Instant to, Predicate<Instant> such) {
        for (Instant t = from.plus(Duration.ofMinutes(1)); t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            if (such.test(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
