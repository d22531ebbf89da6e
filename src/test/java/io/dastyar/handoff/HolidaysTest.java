package io.dastyar.handoff;

import static io.dastyar.handoff.Schedules.GULF;
import static io.dastyar.handoff.Schedules.IRAN;
import static io.dastyar.handoff.Schedules.at;
import static io.dastyar.handoff.Schedules.hijri;
import static io.dastyar.handoff.Schedules.hours;
import static io.dastyar.handoff.Schedules.jalali;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dastyar.handoff.HandoffProperties.HolidayDates;

/** Holidays in the Jalali, Hijri and Gregorian calendars close the days they fall on, in the team's zone. */
class HolidaysTest {

    private static final String TEHRAN = "Asia/Tehran";
    private static final String RIYADH = "Asia/Riyadh";

    @Test
    void nowruzByItsJalaliDateClosesTheGregorianDayItFallsOn() {
        // 1 Farvardin 1406 is Sunday 21 March 2027.
        var hours = hours(TEHRAN, IRAN, jalali("1406-01-01"));
        assertThat(hours.isOpen(at("2027-03-21T10:00", TEHRAN))).isFalse();
        assertThat(hours.isOpen(at("2027-03-20T10:00", TEHRAN))).as("29 Esfand 1405").isTrue();
        assertThat(hours.isOpen(at("2027-03-22T10:00", TEHRAN))).as("2 Farvardin 1406").isTrue();
        assertThat(hours.nextOpening(at("2027-03-20T17:00", TEHRAN))).contains(at("2027-03-22T09:00", TEHRAN));
    }

    @Test
    void nowruzEveryYearClosesItsFourDaysEachYear() {
        var hours = hours(TEHRAN, IRAN, jalali("*-01-01..*-01-04"));
        // 1-4 Farvardin 1406 are 21-24 March 2027 (Sunday to Wednesday); 5 Farvardin is a Thursday.
        assertThat(hours.nextOpening(at("2027-03-20T17:00", TEHRAN))).contains(at("2027-03-25T09:00", TEHRAN));
        // 1-4 Farvardin 1405 were 21-24 March 2026 (Saturday to Tuesday).
        assertThat(hours.isOpen(at("2026-03-24T10:00", TEHRAN))).isFalse();
        assertThat(hours.nextOpening(at("2026-03-20T17:00", TEHRAN))).contains(at("2026-03-25T09:00", TEHRAN));
    }

    @Test
    void anEveryYearSpanMayRunOverTheYearsEnd() {
        // 29 Esfand 1405 (20 March 2027) to 1 Farvardin 1406 (21 March 2027).
        var hours = hours(TEHRAN, IRAN, jalali("*-12-29..*-01-01"));
        assertThat(hours.isOpen(at("2027-03-19T10:00", TEHRAN))).as("Friday anyway").isFalse();
        assertThat(hours.isOpen(at("2027-03-18T10:00", TEHRAN))).as("28 Esfand").isTrue();
        assertThat(hours.isOpen(at("2027-03-20T10:00", TEHRAN))).isFalse();
        assertThat(hours.isOpen(at("2027-03-21T10:00", TEHRAN))).isFalse();
        assertThat(hours.isOpen(at("2027-03-22T10:00", TEHRAN))).isTrue();
    }

    @Test
    void eidAlFitr1448IsTuesday9March2027ByUmmAlQura() {
        assertThat(LocalDate.from(HijrahChronology.INSTANCE.date(1448, 10, 1))).as("the JDK's Umm al-Qura agrees")
                .isEqualTo(LocalDate.of(2027, 3, 9));
        var hours = hours(RIYADH, GULF, hijri("1448-10-01"));
        assertThat(hours.isOpen(at("2027-03-08T10:00", RIYADH))).isTrue();
        assertThat(hours.isOpen(at("2027-03-09T10:00", RIYADH))).isFalse();
        assertThat(hours.nextOpening(at("2027-03-08T16:00", RIYADH))).contains(at("2027-03-10T08:00", RIYADH));
    }

    @Test
    void hijriHolidaysEveryYearFallWhereTheJdksUmmAlQuraCalendarPutsThem() {
        var holidays = new Holidays(hijri("*-10-01..*-10-03", "*-12-10").rules());
        for (int year = 1440; year <= 1470; year++) {
            for (int day : List.of(1, 2, 3)) {
                assertThat(holidays.closedOn(LocalDate.from(HijrahDate.of(year, 10, day)))).as("%d-10-%02d", year, day).isTrue();
            }
            assertThat(holidays.closedOn(LocalDate.from(HijrahDate.of(year, 10, 4)))).isFalse();
            assertThat(holidays.closedOn(LocalDate.from(HijrahDate.of(year, 9, 29)))).isFalse();
            assertThat(holidays.closedOn(LocalDate.from(HijrahDate.of(year, 12, 10)))).isTrue();
        }
    }

    @Test
    void gregorianHolidaysOnceAndEveryYear() {
        var holidays = new Holidays(
                Schedules.gregorian("2027-01-01", "*-12-25..*-12-26", "*-02-29").rules());
        assertThat(holidays.closedOn(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(holidays.closedOn(LocalDate.of(2028, 1, 1))).isFalse();
        assertThat(holidays.closedOn(LocalDate.of(2030, 12, 26))).isTrue();
        assertThat(holidays.closedOn(LocalDate.of(2028, 2, 29))).isTrue();
        assertThat(holidays.closedOn(LocalDate.of(2027, 3, 1))).isFalse();
    }

    @Test
    void theHolidayIsTheTeamsLocalDate() {
        // 1 Farvardin 1406 begins in Tehran at 20:30 UTC on 20 March.
        var hours = hours(TEHRAN, Schedules.days(List.of("00:00-24:00"), DayOfWeek.values()), jalali("1406-01-01"));
        assertThat(hours.isOpen(Instant.parse("2027-03-20T20:29:59Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2027-03-20T20:30:00Z"))).isFalse();
        assertThat(hours.nextOpening(Instant.parse("2027-03-20T20:30:00Z")))
                .contains(Instant.parse("2027-03-21T20:30:00Z"));
    }

    @Test
    void holidaysAloneCloseAnOtherwiseAlwaysOpenTeam() {
        var hours = BusinessHours.of(new HandoffProperties.Hours(ZoneId.of("UTC"), null,
                Schedules.gregorian("2027-01-01"), HandoffProperties.ArabicCalendar.GREGORIAN));
        assertThat(hours.isOpen(at("2026-12-31T23:59", "UTC"))).isTrue();
        assertThat(hours.nextClosing(at("2026-12-31T12:00", "UTC"))).contains(at("2027-01-01T00:00", "UTC"));
        assertThat(hours.nextOpening(at("2027-01-01T12:00", "UTC"))).contains(at("2027-01-02T00:00", "UTC"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jalali    | 1405-13-01      | jalali[0]: \"1405-13-01\" is not a date of the Jalali (Solar Hijri) calendar",
            "jalali    | 1406-01-01..1406-01-32 | \"1406-01-01..1406-01-32\": 1406-01-32 is not a date of the Jalali",
            "jalali    | 1405-12-30      | is not a date of the Jalali",           // 1405 is not a leap year
            "jalali    | *-07-31         | is in no year of the Jalali",           // the second half-year has 30 days
            "hijri     | 1448-09-31      | is not a date of the Hijri",
            "gregorian | 2027-02-29      | is not a date of the Gregorian",
            "gregorian | 2027-01-05..2027-01-01 | ends before it starts",
            "gregorian | *-01-01..2027-01-02    | mixes a date of one year with a date of every year",
            "gregorian | 01/01/2027      | is not a date like 1406-01-01",
            "gregorian | ''              | is not a date like 1406-01-01",
    })
    void aDateTheCalendarDoesNotHaveIsRefusedNamingTheSetting(String calendar, String date, String reason) {
        assertThatThrownBy(() -> new HolidayDates(
                calendar.equals("gregorian") ? List.of(date) : null,
                calendar.equals("jalali") ? List.of(date) : null,
                calendar.equals("hijri") ? List.of(date) : null))
                .hasMessageStartingWith("support.handoff.hours.holidays." + calendar + "[0]: ")
                .hasMessageContaining(reason);
    }

    @Test
    void everyYearDatesThatOnlyLeapYearsHaveAreAccepted() {
        var holidays = new Holidays(jalali("*-12-30").rules());
        // 1403 was a leap year: 30 Esfand 1403 was 20 March 2025.
        assertThat(holidays.closedOn(LocalDate.of(2025, 3, 20))).isTrue();
        assertThat(holidays.closedOn(LocalDate.of(2026, 3, 20))).isFalse();
    }
}
