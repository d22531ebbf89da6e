package io.dastyar.handoff;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.dastyar.handoff.HandoffProperties.ArabicCalendar;
import io.dastyar.handoff.HandoffProperties.HolidayDates;

/** Teams' hours as tests use them: a team in Iran, one in the Gulf and one in Azerbaijan. */
final class Schedules {

    static final List<String> SPLIT_DAY = List.of("09:00-13:00", "14:00-17:00");
    static final List<String> MORNING = List.of("09:00-13:00");

    /** Saturday to Wednesday 9-13 and 14-17, Thursday 9-13, Friday closed. */
    static final Map<DayOfWeek, List<String>> IRAN =
            with(days(SPLIT_DAY, SATURDAY, SUNDAY, MONDAY, TUESDAY, WEDNESDAY), THURSDAY, MORNING);
    /** Sunday to Thursday 8-16; the weekend is Friday and Saturday. */
    static final Map<DayOfWeek, List<String>> GULF =
            days(List.of("08:00-16:00"), SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY);
    /** Monday to Friday 9-18; the weekend is Saturday and Sunday. */
    static final Map<DayOfWeek, List<String>> AZERBAIJAN =
            days(List.of("09:00-18:00"), MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    static final HolidayDates NO_HOLIDAYS = new HolidayDates(null, null, null);

    private Schedules() {
    }

    static BusinessHours hours(String zone, Map<DayOfWeek, List<String>> weekly, HolidayDates holidays) {
        return BusinessHours.of(new HandoffProperties.Hours(ZoneId.of(zone), weekly, holidays, ArabicCalendar.GREGORIAN));
    }

    static BusinessHours hours(String zone, Map<DayOfWeek, List<String>> weekly) {
        return hours(zone, weekly, NO_HOLIDAYS);
    }

    static HolidayDates jalali(String... dates) {
        return new HolidayDates(null, List.of(dates), null);
    }

    static HolidayDates hijri(String... dates) {
        return new HolidayDates(null, null, List.of(dates));
    }

    static HolidayDates gregorian(String... dates) {
        return new HolidayDates(List.of(dates), null, null);
    }

    /** The instant of a local date-time ("2027-01-02T09:00") in a zone. */
    static Instant at(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    static Map<DayOfWeek, List<String>> days(List<String> shifts, DayOfWeek... days) {
        var weekly = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        for (DayOfWeek day : days) {
            weekly.put(day, shifts);
        }
        return Map.copyOf(weekly);
    }

    static Map<DayOfWeek, List<String>> with(Map<DayOfWeek, List<String>> weekly, DayOfWeek day, List<String> shifts) {
        var more = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        more.putAll(weekly);
        more.put(day, shifts);
        return Map.copyOf(more);
    }
}
