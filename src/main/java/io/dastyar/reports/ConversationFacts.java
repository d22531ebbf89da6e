package io.dastyar.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.dastyar.reports.Sources.Answer;
import io.dastyar.reports.Sources.LogEntry;

/**
 * Computes a conversation's {@link Fact} from its {@link Sources}: the definitions of docs/reports.md in code.
 * The service times are of the first hand-off (first queue entry to the first resolution or end): a conversation
 * queued again later is counted as reopened, and a reply after the reopening is not a first response.
 */
final class ConversationFacts {

    private final ReportsProperties settings;
    private final Map<String, String> teamOfAgent;
    private final Staffing.History staffing;
    private final Instant now;

    ConversationFacts(ReportsProperties settings, Map<String, String> teamOfAgent, Staffing.History staffing,
                      Instant now) {
        this.settings = settings;
        this.teamOfAgent = teamOfAgent;
        this.staffing = staffing;
        this.now = now;
    }

    Fact of(Sources sources) {
        var conversation = sources.conversation();
        List<LogEntry> log = sources.log();
        Optional<LogEntry> queued = first(log, kind("QUEUED"));
        Instant queuedAt = queued.map(LogEntry::at).orElse(null);
        Instant firstEnd = queuedAt == null ? null
                : first(log, kind("RESOLVED").or(kind("ENDED")).and(after(queuedAt))).map(LogEntry::at).orElse(null);
        Instant firstReply = queuedAt == null ? null
                : first(log, kind("FIRST_REPLY").and(after(queuedAt)).and(notAfter(firstEnd))).map(LogEntry::at).orElse(null);
        Instant assignedAt = queuedAt == null ? null : first(log, kind("ASSIGNED").and(after(queuedAt))).map(LogEntry::at).orElse(null);
        Instant lastResolved = log.stream().filter(kind("RESOLVED")).map(LogEntry::at).reduce((a, b) -> b).orElse(null);
        String agent = log.stream().filter(kind("ASSIGNED").or(kind("FIRST_REPLY")))
                .map(LogEntry::agent).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        boolean assigned = assignedAt != null;

        Optional<Answer> rating = current(sources.answers(), "RATING");
        Optional<Answer> nps = current(sources.answers(), "NPS");
        boolean settled = conversation.closedAt() != null
                && conversation.closedAt().isBefore(now.minus(settings.settleAfter()));
        ZonedDateTime created = conversation.createdAt().atZone(settings.timeZone());
        var articles = new TreeSet<String>();
        sources.questions().forEach(question -> {
            if (question.articleId() != null) {
                articles.add(question.articleId());
            }
        });
        return new Fact(conversation.id(), conversation.createdAt(), created.toLocalDate(), conversation.channel(),
                conversation.language(), conversation.state(), conversation.closedAt(), queuedAt != null, assigned,
                assigned || staffing.available(conversation.language(), conversation.createdAt(),
                        queuedAt != null ? queuedAt : Objects.requireNonNullElse(conversation.closedAt(), now)),
                agent, team(log, agent),
                queuedAt == null ? null : queuedAt.atZone(settings.timeZone()).getHour(),
                seconds(queuedAt, firstReply), seconds(queuedAt, assignedAt), seconds(queuedAt, lastResolved),
                queuedAt != null && firstReply == null ? seconds(queuedAt, Objects.requireNonNullElse(firstEnd, now)) : null,
                (int) log.stream().filter(kind("TRANSFERRED")).count(), reopened(log), sources.surveyAsked(),
                rating.map(Answer::score).orElse(null), rating.map(Answer::late).orElse(false),
                sources.answers().stream().anyMatch(answer -> answer.kind().equals("RATING") && answer.supersededAt() != null),
                nps.map(Answer::score).orElse(null), sources.questions().size(),
                (int) sources.questions().stream().filter(question -> question.articleId() == null).count(),
                cameBack(conversation), settled, articles);
    }

    /** Whether the customer came back within the durable window; unknown until the window has passed. */
    private @Nullable Boolean cameBack(Sources.Conversation conversation) {
        if (conversation.closedAt() == null) {
            return null;
        }
        Instant windowEnd = conversation.closedAt().plus(settings.durableWindow());
        if (conversation.nextVisit() != null && !conversation.nextVisit().isAfter(windowEnd)) {
            return true;
        }
        return now.isAfter(windowEnd) ? false : null;
    }

    /** The team a transfer last named, else the first team of the agent who last held it. */
    private @Nullable String team(List<LogEntry> log, @Nullable String agent) {
        Optional<String> transferredTo = log.stream().filter(kind("TRANSFERRED"))
                .map(LogEntry::detail).filter(detail -> detail != null && detail.startsWith("team:"))
                .map(detail -> detail.substring("team:".length())).reduce((a, b) -> b);
        return transferredTo.orElseGet(() -> agent == null ? null : teamOfAgent.get(agent));
    }

    private static boolean reopened(List<LogEntry> log) {
        boolean ended = false;
        for (LogEntry entry : log) {
            if (entry.kind().equals("RESOLVED") || entry.kind().equals("ENDED")) {
                ended = true;
            } else if (ended && entry.kind().equals("QUEUED")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Answer> current(List<Answer> answers, String kind) {
        return answers.stream().filter(answer -> answer.kind().equals(kind) && answer.supersededAt() == null)
                .reduce((a, b) -> b.answeredAt().isBefore(a.answeredAt()) ? a : b);
    }

    private static Optional<LogEntry> first(List<LogEntry> log, Predicate<LogEntry> which) {
        return log.stream().filter(which).findFirst();
    }

    private static Predicate<LogEntry> kind(String kind) {
        return entry -> entry.kind().equals(kind);
    }

    private static Predicate<LogEntry> after(Instant start) {
        return entry -> !entry.at().isBefore(start);
    }

    private static Predicate<LogEntry> notAfter(@Nullable Instant end) {
        return entry -> end == null || !entry.at().isAfter(end);
    }

    private static @Nullable Integer seconds(@Nullable Instant from, @Nullable Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return null;
        }
        return (int) Math.min(Integer.MAX_VALUE, Duration.between(from, to).toSeconds());
    }
}
