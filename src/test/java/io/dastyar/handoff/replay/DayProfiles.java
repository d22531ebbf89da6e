package io.dastyar.handoff.replay;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import io.dastyar.handoff.replay.DayProfile.Shift;

/**
 * The days the estimate is replayed on: a desk open 07:00-23:00 whose demand peaks at lunch and in the evening,
 * with 2-5 agents online, staffed for an ordinary day, so that peaks, breaks and shift changes make queues.
 */
public final class DayProfiles {

    /** Expected hand-offs in each hour of an ordinary weekday: about 480, peaking 12:00-14:00 and 19:00-21:00. */
    private static final double[] WEEKDAY = {0, 0, 0, 0, 0, 0, 0, 8, 16, 24, 30, 36, 56, 46, 28, 24, 24, 26, 34, 50,
            40, 24, 12, 0};

    private static final List<Shift> ROSTER = List.of(
            shift("ana", "07:00", "15:00", 2, "12:00", 30),
            shift("bob", "07:00", "15:00", 2, "12:30", 30),
            shift("cai", "09:00", "17:00", 3, "13:00", 30),
            shift("dee", "11:00", "19:00", 2, "15:30", 30),
            shift("eli", "14:00", "22:00", 3, "18:30", 30),
            shift("fay", "15:00", "23:00", 2, "20:00", 30),
            shift("gus", "17:00", "23:00", 2, "19:30", 15));

    private DayProfiles() {
    }

    public static DayProfile weekday() {
        return new DayProfile("weekday", WEEKDAY, ROSTER, Duration.ofMinutes(5), 0.8, Duration.ofMinutes(12), 0.8);
    }

    /** A quarter more customers (about 600) on the same roster: long queues at both peaks, more giving up. */
    public static DayProfile busyMonday() {
        return new DayProfile("busy Monday", scale(WEEKDAY, 1.25), ROSTER, Duration.ofMinutes(5), 0.8,
                Duration.ofMinutes(12), 0.8);
    }

    /** About 300 customers, a thinner roster, and slower chats with a longer tail (harder questions at weekends). */
    public static DayProfile quietSunday() {
        List<Shift> roster = List.of(
                shift("ana", "07:00", "15:00", 3, "12:00", 30),
                shift("bob", "07:00", "15:00", 2, "13:00", 30),
                shift("cai", "12:00", "20:00", 2, "14:00", 30),
                shift("eli", "15:00", "23:00", 3, "18:00", 30),
                shift("gus", "18:00", "23:00", 2, "21:00", 0));
        return new DayProfile("quiet Sunday", scale(WEEKDAY, 0.62), roster, Duration.ofMinutes(6), 0.9,
                Duration.ofMinutes(12), 0.8);
    }

    /** The evening's first agent is off sick: the evening peak meets a desk three slots short. */
    public static DayProfile sickDay() {
        List<Shift> roster = ROSTER.stream().filter(shift -> !shift.agent().equals("eli")).toList();
        return new DayProfile("sick day", WEEKDAY, roster, Duration.ofMinutes(5), 0.8, Duration.ofMinutes(12), 0.8);
    }

    private static double[] scale(double[] perHour, double factor) {
        double[] scaled = perHour.clone();
        for (int hour = 0; hour < scaled.length; hour++) {
            scaled[hour] *= factor;
        }
        return scaled;
    }

    private static Shift shift(String agent, String start, String end, int capacity, String breakAt,
            int breakMinutes) {
        return new Shift(agent, LocalTime.parse(start), LocalTime.parse(end), capacity, LocalTime.parse(breakAt),
                Duration.ofMinutes(breakMinutes));
    }
}
