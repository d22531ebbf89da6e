package io.dastyar.reports;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.channel.Channel;
import io.dastyar.system.Language;

/**
 * Reads a report request's parameters, refusing with a {@link BadReportRequest} that names the parameter: dates
 * that are not YYYY-MM-DD, from after to, a range longer than {@code support.reports.max-days}, a channel or
 * language the service does not have, an agent it does not know. Without dates, the last 30 days up to today.
 */
@Component
class ReportRequests {

    private static final int DEFAULT_DAYS = 30;

    private final ReportsProperties settings;
    private final Set<String> channels;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReportRequests(ReportsProperties settings, List<Channel> channels, JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.channels = channels.stream().map(Channel::name).collect(Collectors.toUnmodifiableSet());
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ReportQuery read(@Nullable String from, @Nullable String to, @Nullable String channel, @Nullable String language,
                     @Nullable String agent) {
        LocalDate last = blank(to) ? LocalDate.ofInstant(clock.instant(), settings.timeZone()) : date("to", to);
        LocalDate first = blank(from) ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw new BadReportRequest("from (" + first + ") is after to (" + last + ").");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > settings.maxDays()) {
            throw new BadReportRequest("The range covers " + days + " days; at most " + settings.maxDays()
                    + " may be asked for at once.");
        }
        return new ReportQuery(first, last, channel(channel), language(language), agent(agent));
    }

    DayOfWeek weekStart(@Nullable String value) {
        if (blank(value)) {
            return DayOfWeek.MONDAY;
        }
        try {
            return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadReportRequest("weekStart must be a day of the week (MONDAY ... SUNDAY).");
        }
    }

    private Optional<String> channel(@Nullable String channel) {
        if (blank(channel)) {
            return Optional.empty();
        }
        if (!channels.contains(channel)) {
            throw new BadReportRequest("Unknown channel; the channels are " + channels.stream().sorted().toList() + ".");
        }
        return Optional.of(channel);
    }

    private static Optional<String> language(@Nullable String language) {
        if (blank(language)) {
            return Optional.empty();
        }
        Language known = Language.fromTag(language).filter(l -> l.tag().equalsIgnoreCase(language.strip()))
                .orElseThrow(() -> new BadReportRequest("Unknown language; the languages are en, fa, ar and az."));
        return Optional.of(known.tag());
    }

    private Optional<String> agent(@Nullable String agent) {
        if (blank(agent)) {
            return Optional.empty();
        }
        boolean known = agent.length() <= 64 && jdbc.sql("SELECT count(*) FROM handoff_agent WHERE username = ?")
                .param(agent).query(Long.class).single() > 0;
        if (!known) {
            throw new BadReportRequest("Unknown agent.");
        }
        return Optional.of(agent);
    }

    private static LocalDate date(String name, String value) {
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 2000 || date.getYear() > 9999) {
                throw new BadReportRequest(name + " must be a date between 2000 and 9999.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new BadReportRequest(name + " must be a date written YYYY-MM-DD.");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
