package io.dastyar.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dastyar.system.Language;

/**
 * How the satisfaction survey is asked: its timing, its words where they are configured, the faces, the reasons
 * offered after a low rating, and which conversations are asked the NPS question. Implemented by the survey's
 * owner (feature csat, from {@code support.csat.*}); without one, {@link #DEFAULTS} apply.
 */
public interface SurveyPolicy {

    /** The bot's own words and timings: no faces, no reasons, no NPS. */
    SurveyPolicy DEFAULTS = new SurveyPolicy() {
    };

    /** How long the rating question waits before the one reminder. */
    default Duration reminderAfter() {
        return Duration.ofHours(1);
    }

    /** How long, after the reminder, before the conversation closes unrated. */
    default Duration noResponseAfter() {
        return Duration.ofHours(1);
    }

    /** How long after closing an old rating button still records a rating. */
    default Duration lateWindow() {
        return Duration.ofHours(24);
    }

    /** Whether this conversation is asked "would you recommend us?" after the rating. The same answer every time. */
    default boolean asksNps(ConversationId conversation) {
        return false;
    }

    /** The rating question in this language, where one is configured; otherwise the bot's words are used. */
    default Optional<String> ratingQuestion(Language language) {
        return Optional.empty();
    }

    /** The five faces, from very dissatisfied to very satisfied, shown with the words; empty for words alone. */
    default List<String> faces() {
        return List.of();
    }

    /** The reasons offered after a rating of 1 or 2, code to label in this language, in order; empty for none. */
    default Map<String, String> reasons(Language language) {
        return Map.of();
    }
}
