package io.dastyar.handoff;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dastyar.handoff.HolidayCalendar.CalendarDay;

/**
 * Days the team is closed, as configured in one calendar: once ({@code 1406-01-01}, or a span
 * {@code 1406-01-01..1406-01-04}) or every year ({@code *-01-01}, {@code *-01-01..*-01-04}).
 */
sealed interface HolidayRule {

    Pattern DATE = Pattern.compile("(\\*|\\d{4})-(\\d{1,2})-(\\d{1,2})");

    /**
     * Reads a date or a span of dates of {@code calendar}.
     *
     * @throws IllegalArgumentException for text that is not a date, a date the calendar does not have, or a span
     *                                  that ends before it starts
     */
    static HolidayRule parse(HolidayCalendar calendar, String text) {
        String[] ends = text.strip().split("\\.\\.", -1);
        if (ends.length > 2) {
            throw new IllegalArgumentException("\"" + text + "\" is not a date or a span of dates like 1406-01-01..1406-01-04");
        }
        Matcher first = form(ends[0], text);
        Matcher last = form(ends[ends.length - 1], text);
        if (first.group(1).equals("*") != last.group(1).equals("*")) {
            throw new IllegalArgumentException("\"" + text + "\" mixes a date of one year with a date of every year");
        }
        if (first.group(1).equals("*")) {
            return new EveryYear(calendar, monthDay(calendar, first, text), monthDay(calendar, last, text));
        }
        var once = new Once(date(calendar, first, text), date(calendar, last, text));
        if (once.last().isBefore(once.first())) {
            throw new IllegalArgumentException("\"" + text + "\" ends before it starts");
        }
        return once;
    }

    private static Matcher form(String date, String text) {
        Matcher form = DATE.matcher(date.strip());
        if (!form.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a date like 1406-01-01, or *-01-01 for every year");
        }
        return form;
    }

    private static LocalDate date(HolidayCalendar calendar, Matcher form, String text) {
        var day = new CalendarDay(Integer.parseInt(form.group(1)), Integer.parseInt(form.group(2)),
                Integer.parseInt(form.group(3)));
        return calendar.gregorianOf(day).orElseThrow(() -> new IllegalArgumentException(
                quote(text, form) + " is not a date of the " + calendar.displayName() + " calendar"));
    }

    private static MonthDay monthDay(HolidayCalendar calendar, Matcher form, String text) {
        var monthDay = new MonthDay(Integer.parseInt(form.group(2)), Integer.parseInt(form.group(3)));
        if (!calendar.hasMonthDay(monthDay.month(), monthDay.day())) {
            throw new IllegalArgumentException(
                    quote(text, form) + " is in no year of the " + calendar.displayName() + " calendar");
        }
        return monthDay;
    }

    /** The setting's text, and which end of a span is meant when it is one. */
    private static String quote(String text, Matcher form) {
        return form.group().equals(text.strip()) ? "\"" + text + "\"" : "\"" + text + "\": " + form.group();
    }

    /** Dates of one year, as the Gregorian days they fall on. */
    record Once(LocalDate first, LocalDate last) implements HolidayRule {

        boolean covers(LocalDate date) {
            return !date.isBefore(first) && !date.isAfter(last);
        }
    }

    /** The same days every year of {@code calendar}; a span whose last day comes first runs over the year's end. */
    record EveryYear(HolidayCalendar calendar, MonthDay first, MonthDay last) implements HolidayRule {

        boolean covers(CalendarDay day) {
            var monthDay = new MonthDay(day.month(), day.day());
            return first.compareTo(last) <= 0
                    ? first.compareTo(monthDay) <= 0 && monthDay.compareTo(last) <= 0
                    : first.compareTo(monthDay) <= 0 || monthDay.compareTo(last) <= 0;
        }
    }

    /** A month (1-12) and day of some calendar; {@link java.time.MonthDay} knows only Gregorian months' lengths. */
    record MonthDay(int month, int day) implements Comparable<MonthDay> {

        @Override
        public int compareTo(MonthDay other) {
            return month != other.month ? Integer.compare(month, other.month) : Integer.compare(day, other.day);
        }
    }
}
