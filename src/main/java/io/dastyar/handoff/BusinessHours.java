package io.dastyar.handoff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When the team takes hand-offs: a weekly schedule of shifts in the team's time zone, less holidays.
 *
 * <p>Shifts are local times of the team's zone. A local time that a daylight-saving change skips is read as the
 * first instant after the skip (an opening at 02:30 on a day the clocks jump from 02:00 to 03:00 opens at 03:00);
 * one that happens twice, when the clocks go back, is read as its first occurrence. Instants are parameters:
 * nothing here reads a clock.
 */
final class BusinessHours {

    /** How far ahead, in days, the next opening or closing is looked for. */
    static final int SEARCH_DAYS = 400;

    private final ZoneId zone;
    private final WeeklySchedule weekly;
    private final Holidays holidays;

    BusinessHours(ZoneId zone, WeeklySchedule weekly, Holidays holidays) {
        this.zone = zone;
        this.weekly = weekly;
        this.holidays = holidays;
    }

    /** Open every day, all day: what an unconfigured service does. */
    static BusinessHours alwaysOpen() {
        return new BusinessHours(ZoneOffset.UTC, WeeklySchedule.ALWAYS_OPEN, Holidays.NONE);
    }

    /** @throws IllegalArgumentException naming the setting of a bad shift or holiday */
    static BusinessHours of(HandoffProperties.Hours hours) {
        return new BusinessHours(hours.timeZone(), hours.schedule(), new Holidays(hours.holidays().rules()));
    }

    /** The team's time zone. */
    ZoneId zone() {
        return zone;
    }

    boolean isOpen(Instant instant) {
        if (neverCloses()) {
            return true;
        }
        LocalDate today = LocalDate.ofInstant(instant, zone);
        // A day's shifts end by the next day's start, unless the clocks went back over midnight: look around.
        return Stream.of(today.minusDays(1), today, today.plusDays(1))
                .flatMap(day -> periodsOn(day).stream())
                .anyMatch(period -> period.contains(instant));
    }

    /**
     * The first instant at or after {@code from} at which the team is open: {@code from} itself when open then.
     * Empty when the team does not open within {@value #SEARCH_DAYS} days.
     */
    Optional<Instant> nextOpening(Instant from) {
        if (neverCloses()) {
            return Optional.of(from);
        }
        return periodsFrom(from).filter(period -> period.end().isAfter(from)).findFirst()
                .map(period -> period.start().isAfter(from) ? period.start() : from);
    }

    /**
     * The first instant at or after {@code from} at which the team is closed: {@code from} itself when closed
     * then, otherwise the end of the current shift, or of the shifts that follow it without a break (across
     * midnight, too). Empty when the team stays open for the next {@value #SEARCH_DAYS} days.
     */
    Optional<Instant> nextClosing(Instant from) {
        if (!isOpen(from)) {
            return Optional.of(from);
        }
        if (neverCloses()) {
            return Optional.empty();
        }
        Instant openUntil = from;
        for (Period period : (Iterable<Period>) periodsFrom(from)::iterator) {
            if (period.start().isAfter(openUntil)) {
                return Optional.of(openUntil);
            }
            if (period.end().isAfter(openUntil)) {
                openUntil = period.end();
            }
        }
        return Optional.empty();
    }

    private boolean neverCloses() {
        return weekly.alwaysOpen() && holidays.none();
    }

    /** The open periods from the day before {@code from}'s local date on, in order. */
    private Stream<Period> periodsFrom(Instant from) {
        return Stream.iterate(LocalDate.ofInstant(from, zone).minusDays(1), day -> day.plusDays(1))
                .limit(SEARCH_DAYS + 2)
                .flatMap(day -> periodsOn(day).stream());
    }

    private List<Period> periodsOn(LocalDate day) {
        if (holidays.closedOn(day)) {
            return List.of();
        }
        return weekly.on(day.getDayOfWeek()).stream()
                .map(shift -> new Period(instantAt(day, shift.start()), instantAt(day, shift.end())))
                // A shift wholly inside a skipped hour has no instants.
                .filter(period -> period.end().isAfter(period.start()))
                .toList();
    }

    /** The instant a local time of the team's zone stands for; {@code minute} 1440 is the next day's start. */
    private Instant instantAt(LocalDate day, int minute) {
        LocalDateTime local = day.atStartOfDay().plusMinutes(minute);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    /** From {@code start}, up to and not including {@code end}. */
    private record Period(Instant start, Instant end) {

        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    @Override
    public String toString() {
        return "BusinessHours[" + zone + ", " + weekly + ", " + holidays + "]";
    }
}
