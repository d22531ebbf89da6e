package io.dastyar.handoff.replay;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * The shape of a day, from which {@link DayScriptGenerator} draws a script: how many customers ask for a person in
 * each hour, the agents' shifts, and how long chats and customers' patience last (both log-normal: most short, a
 * long tail).
 *
 * @param arrivalsPerHour  the expected hand-offs in each hour of the day, from midnight (24 values)
 */
public record DayProfile(String name, double[] arrivalsPerHour, List<Shift> shifts, Duration medianHandleTime,
        double handleTimeSigma, Duration medianPatience, double patienceSigma) {

    /** An agent's working day: online from start to end with one break, each edge a few minutes off in practice. */
    public record Shift(String agent, LocalTime start, LocalTime end, int capacity, LocalTime breakAt,
            Duration breakLength) {
    }

    public DayProfile {
        if (arrivalsPerHour.length != 24) {
            throw new IllegalArgumentException("one expected count per hour: " + arrivalsPerHour.length);
        }
        arrivalsPerHour = arrivalsPerHour.clone();
        shifts = List.copyOf(shifts);
    }

    public double expectedArrivals() {
        double total = 0;
        for (double hour : arrivalsPerHour) {
            total += hour;
        }
        return total;
    }
}
