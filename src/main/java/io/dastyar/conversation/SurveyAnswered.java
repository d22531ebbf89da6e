package io.dastyar.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import io.dastyar.system.Language;

/**
 * Published, inside the conversation's transaction, for every answer a customer gives to the satisfaction survey:
 * a rating (a second one replaces the first), the reason picked after a low rating, a comment, an NPS score. The
 * survey's records (feature csat) are kept from these and from {@link ConversationMoved}.
 *
 * @param score   1–5 for {@link Kind#RATING}, 0–10 for {@link Kind#NPS}; empty for the others
 * @param comment for {@link Kind#COMMENT}; also text that came twice where a rating was expected
 * @param reason  for {@link Kind#REASON}: the configured reason's code
 * @param late    a rating given after the conversation had closed unrated, within the late window
 */
public record SurveyAnswered(ConversationId conversation, ChannelAddress customer, Language language, Kind kind,
                             OptionalInt score, Optional<String> comment, Optional<String> reason, boolean late,
                             Instant at) {

    public enum Kind { RATING, REASON, COMMENT, NPS }

    static SurveyAnswered rating(Conversation conversation, int score, boolean late, Instant at) {
        return new SurveyAnswered(conversation.id(), conversation.customer(), conversation.language(), Kind.RATING,
                OptionalInt.of(score), Optional.empty(), Optional.empty(), late, at);
    }

    static SurveyAnswered nps(Conversation conversation, int score, Instant at) {
        return new SurveyAnswered(conversation.id(), conversation.customer(), conversation.language(), Kind.NPS,
                OptionalInt.of(score), Optional.empty(), Optional.empty(), false, at);
    }

    static SurveyAnswered reason(Conversation conversation, String code, Instant at) {
        return new SurveyAnswered(conversation.id(), conversation.customer(), conversation.language(), Kind.REASON,
                OptionalInt.empty(), Optional.empty(), Optional.of(code), false, at);
    }

    static SurveyAnswered comment(Conversation conversation, String text, Instant at) {
        return new SurveyAnswered(conversation.id(), conversation.customer(), conversation.language(), Kind.COMMENT,
                OptionalInt.empty(), Optional.of(text), Optional.empty(), false, at);
    }
}
