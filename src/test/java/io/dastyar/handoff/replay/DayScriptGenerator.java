package io.dastyar.handoff.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.dastyar.handoff.replay.ScriptedEvent.AgentOffline;
import io.dastyar.handoff.replay.ScriptedEvent.AgentOnline;
import io.dastyar.handoff.replay.ScriptedEvent.CustomerGivesUp;
import io.dastyar.handoff.replay.ScriptedEvent.CustomerQueued;

/**
 * Draws a day's script from a profile with a seeded random source, so a seed names a day: Poisson arrivals at each
 * hour's rate, log-normal handle times and patience, and shifts whose edges and breaks drift by a few minutes.
 */
public final class DayScriptGenerator {

    static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    private DayScriptGenerator() {
    }

    public static DayScript generate(DayProfile profile, long seed) {
        Random random = new Random(seed);
        List<ScriptedEvent> events = new ArrayList<>();
        for (DayProfile.Shift shift : profile.shifts()) {
            addShift(shift, random, events);
        }
        addCustomers(profile, random, events);
        return new DayScript(profile.name(), seed, events);
    }

    private static void addShift(DayProfile.Shift shift, Random random, List<ScriptedEvent> events) {
        Instant start = at(shift.start()).plus(minutes(random, -5, 10));
        Instant end = at(shift.end()).plus(minutes(random, -10, 10));
        Instant breakStart = at(shift.breakAt()).plus(minutes(random, -15, 15));
        Instant breakEnd = breakStart.plus(shift.breakLength()).plus(minutes(random, 0, 10));
        events.add(new AgentOnline(start, shift.agent(), shift.capacity()));
        if (shift.breakLength().isPositive()) {
            events.add(new AgentOffline(breakStart, shift.agent()));
            events.add(new AgentOnline(breakEnd, shift.agent(), shift.capacity()));
        }
        events.add(new AgentOffline(end, shift.agent()));
    }

    private static void addCustomers(DayProfile profile, Random random, List<ScriptedEvent> events) {
        int number = 0;
        for (int hour = 0; hour < 24; hour++) {
            double perSecond = profile.arrivalsPerHour()[hour] / 3600;
            if (perSecond == 0) {
                continue;
            }
            // Exponential gaps are memoryless, so restarting them at each hour's edge keeps the process Poisson.
            double second = hour * 3600 - Math.log(1 - random.nextDouble()) / perSecond;
            while (second < (hour + 1) * 3600) {
                Instant queued = at(LocalTime.MIDNIGHT).plusMillis(Math.round(second * 1000));
                String customer = "customer-%04d".formatted(++number);
                events.add(new CustomerQueued(queued, customer,
                        logNormal(random, profile.medianHandleTime(), profile.handleTimeSigma())));
                events.add(new CustomerGivesUp(
                        queued.plus(logNormal(random, profile.medianPatience(), profile.patienceSigma())), customer));
                second -= Math.log(1 - random.nextDouble()) / perSecond;
            }
        }
    }

    private static Duration logNormal(Random random, Duration median, double sigma) {
        double seconds = median.toSeconds() * Math.exp(sigma * random.nextGaussian());
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Duration minutes(Random random, int from, int to) {
        return Duration.ofSeconds(from * 60L + random.nextInt((to - from) * 60 + 1));
    }

    static Instant at(LocalTime time) {
        return DAY.atTime(time).toInstant(ZoneOffset.UTC);
    }
}
