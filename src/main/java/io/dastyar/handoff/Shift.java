package io.dastyar.handoff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch of a day the team works, in minutes from the day's start: from {@code start} (0-1439) up to, not
 * including, {@code end} (1-1440; 1440 is midnight at the day's end, written 24:00). A shift never runs past
 * midnight: one that does is written as two, on the two days.
 */
record Shift(int start, int end) implements Comparable<Shift> {

    static final int MINUTES_PER_DAY = 24 * 60;
    static final Shift ALL_DAY = new Shift(0, MINUTES_PER_DAY);

    private static final Pattern FORM = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    Shift {
        if (start < 0 || end > MINUTES_PER_DAY || start >= end) {
            throw new IllegalArgumentException("a shift runs from 00:00-23:59 up to a later time, 24:00 at most");
        }
    }

    /** Reads "09:00-13:00"; 24:00 may end a shift. */
    static Shift parse(String text) {
        Matcher form = FORM.matcher(text.strip());
        if (!form.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a shift like 09:00-17:00");
        }
        int start = minuteOfDay(form.group(1), form.group(2), text);
        int end = minuteOfDay(form.group(3), form.group(4), text);
        if (start == MINUTES_PER_DAY) {
            throw new IllegalArgumentException("\"" + text + "\" starts at 24:00; a shift starts at 23:59 at the latest");
        }
        if (end == 0) {
            throw new IllegalArgumentException("\"" + text + "\" ends at 00:00; write 24:00 for midnight at the day's end");
        }
        if (end <= start) {
            throw new IllegalArgumentException("\"" + text + "\" ends before it starts; a shift past midnight is "
                    + "written as two, e.g. 18:00-24:00 on one day and 00:00-02:00 on the next");
        }
        return new Shift(start, end);
    }

    private static int minuteOfDay(String hours, String minutes, String text) {
        int hour = Integer.parseInt(hours);
        int minute = Integer.parseInt(minutes);
        if (hour > 24 || minute > 59 || hour == 24 && minute != 0) {
            throw new IllegalArgumentException("\"" + text + "\" has a time that does not exist (00:00-23:59, or 24:00)");
        }
        return hour * 60 + minute;
    }

    boolean overlaps(Shift other) {
        return start < other.end && other.start < end;
    }

    @Override
    public int compareTo(Shift other) {
        return Integer.compare(start, other.start);
    }

    @Override
    public String toString() {
        return "%02d:%02d-%02d:%02d".formatted(start / 60, start % 60, end / 60, end % 60);
    }
}
