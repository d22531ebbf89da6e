package io.dastyar.handoff;

import java.time.LocalDate;
import java.time.Year;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.ibm.icu.util.Calendar;

import io.dastyar.handoff.HolidayCalendar.CalendarDay;

/**
 * The days the team is closed whatever the weekly schedule says, by the team's local date. Which days of a
 * Gregorian year they are is worked out on first use, with ICU's calendars, and kept: a bit set per year.
 */
final class Holidays {

    static final Holidays NONE = new Holidays(List.of());

    private final List<HolidayRule> rules;
    private final Map<Integer, BitSet> closedDaysByYear = new ConcurrentHashMap<>();

    Holidays(List<HolidayRule> rules) {
        this.rules = List.copyOf(rules);
    }

    boolean none() {
        return rules.isEmpty();
    }

    boolean closedOn(LocalDate date) {
        return !rules.isEmpty() && closedDaysByYear.computeIfAbsent(date.getYear(), this::closedDaysOf)
                .get(date.getDayOfYear());
    }

    /** Bit n is set when day n of the year (1-366) is a holiday. */
    private BitSet closedDaysOf(int year) {
        var closed = new BitSet(367);
        var calendars = new EnumMap<HolidayCalendar, Calendar>(HolidayCalendar.class);
        LocalDate end = Year.of(year).plusYears(1).atDay(1);
        for (LocalDate date = Year.of(year).atDay(1); date.isBefore(end); date = date.plusDays(1)) {
            LocalDate day = date;
            // The day in each calendar a rule asks about, converted once.
            var dayIn = new EnumMap<HolidayCalendar, CalendarDay>(HolidayCalendar.class);
            Function<HolidayCalendar, CalendarDay> inCalendar = calendar -> dayIn.computeIfAbsent(calendar,
                    it -> HolidayCalendar.dayOf(calendars.computeIfAbsent(it, HolidayCalendar::newCalendar), day));
            if (rules.stream().anyMatch(rule -> covers(rule, day, inCalendar))) {
                closed.set(day.getDayOfYear());
            }
        }
        return closed;
    }

    private static boolean covers(HolidayRule rule, LocalDate date, Function<HolidayCalendar, CalendarDay> inCalendar) {
        return switch (rule) {
            case HolidayRule.Once once -> once.covers(date);
            case HolidayRule.EveryYear everyYear -> everyYear.covers(inCalendar.apply(everyYear.calendar()));
        };
    }

    @Override
    public String toString() {
        return "Holidays" + rules;
    }
}
