package io.dastyar.agent.api;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ConversationSummary;

/**
 * A past conversation's CSAT for the customer panel: the csat feature's current rating (its {@code csat_answer}
 * table, kind RATING, not superseded), read as reports read it, since the console may not depend on that feature;
 * else the rating the conversation itself kept.
 */
@Component
class Satisfaction {

    /** A rating of 1 to 5 and the comment that came with it, if any. */
    record Rating(int score, @Nullable String comment) {
    }

    private final JdbcClient jdbc;

    Satisfaction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Rating> of(ConversationSummary conversation) {
        Optional<Rating> surveyed = jdbc.sql("""
                        SELECT score, comment FROM csat_answer
                        WHERE conversation_id = ? AND kind = 'RATING' AND superseded_at IS NULL
                        ORDER BY answered_at DESC, id DESC LIMIT 1""")
                .param(conversation.id().value())
                .query((rs, row) -> new Rating(rs.getInt("score"), rs.getString("comment"))).optional();
        return surveyed.isPresent() ? surveyed : conversation.rating().map(score -> new Rating(score, conversation.ratingComment().orElse(null)));
    }
}
