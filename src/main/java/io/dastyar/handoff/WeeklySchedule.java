package io.dastyar.handoff;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shifts of each day of the week, in order and not overlapping; a day without shifts is closed. */
record WeeklySchedule(Map<DayOfWeek, List<Shift>> days) {

    static final WeeklySchedule ALWAYS_OPEN = everyDay(List.of(Shift.ALL_DAY));

    WeeklySchedule {
        var copy = new EnumMap<DayOfWeek, List<Shift>>(DayOfWeek.class);
        days.forEach((day, shifts) -> copy.put(day, shifts.stream().sorted().toList()));
        days = Map.copyOf(copy);
    }

    /**
     * Reads the configured shifts, "HH:mm-HH:mm" per day; none configured at all is open every day, all day.
     *
     * @param key the setting the shifts come from, named in the message of the exception for a bad one
     * @throws IllegalArgumentException for a shift that cannot be read, shifts that overlap, or a week without any
     */
    static WeeklySchedule parse(Map<DayOfWeek, List<String>> configured, String key) {
        if (configured.isEmpty()) {
            return ALWAYS_OPEN;
        }
        var days = new EnumMap<DayOfWeek, List<Shift>>(DayOfWeek.class);
        configured.forEach((day, texts) -> days.put(day, shifts(texts, key + "." + day.name().toLowerCase(Locale.ROOT))));
        if (days.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException(key + ": a week without shifts never opens; list at least one, "
                    + "or leave " + key + " out to be open around the clock");
        }
        return new WeeklySchedule(days);
    }

    private static List<Shift> shifts(List<String> texts, String key) {
        var shifts = new ArrayList<Shift>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                shifts.add(Shift.parse(texts.get(i)));
            } catch (IllegalArgumentException bad) {
                // No cause: start-up failures show the root cause's message, and this one names the setting.
                throw new IllegalArgumentException(key + "[" + i + "]: " + bad.getMessage());
            }
        }
        shifts.sort(null);
        for (int i = 1; i < shifts.size(); i++) {
            if (shifts.get(i - 1).overlaps(shifts.get(i))) {
                throw new IllegalArgumentException(
                        key + ": shifts " + shifts.get(i - 1) + " and " + shifts.get(i) + " overlap");
            }
        }
        return shifts;
    }

    private static WeeklySchedule everyDay(List<Shift> shifts) {
        var days = new EnumMap<DayOfWeek, List<Shift>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, shifts);
        }
        return new WeeklySchedule(days);
    }

    List<Shift> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /** Every day from midnight to midnight. */
    boolean alwaysOpen() {
        return this.equals(ALWAYS_OPEN);
    }
}
