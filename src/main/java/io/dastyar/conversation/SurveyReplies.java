package io.dastyar.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.system.Language;

/**
 * The survey's questions as the customer sees them: five points with words (and faces, when configured), the
 * comment question in words that fit the rating, the reasons after a low one, and the 0–10 NPS scale.
 */
final class SurveyReplies {

    /** Ratings up to this ask what went wrong (and offer the reasons); from {@link #HIGH} on, what went well. */
    static final int LOW = 2;
    static final int HIGH = 4;

    /** A bot text by language, key and arguments. */
    @FunctionalInterface
    interface Words {
        String apply(Language language, String key, Object... arguments);
    }

    private final SurveyPolicy survey;
    private final Words words;

    SurveyReplies(SurveyPolicy survey, Words words) {
        this.survey = survey;
        this.words = words;
    }

    Reply ratingQuestion(Language language) {
        return Reply.message(survey.ratingQuestion(language).orElseGet(() -> words.apply(language, "bot.rating-question")),
                ratingScale(language));
    }

    /** Another rating question, in the bot's words for {@code messageKey}. */
    Reply ratingQuestion(Language language, String messageKey) {
        return Reply.message(words.apply(language, messageKey), ratingScale(language));
    }

    /** A notice with the rating buttons under it: they still count for a while after the conversation closed unrated. */
    Reply closedUnrated(Language language) {
        return Reply.notice(words.apply(language, "bot.closed-unrated", survey.lateWindow().toHours()),
                ratingScale(language));
    }

    /** "What went wrong?" after 1–2 (with the reasons, when there are any), "what went well?" after 4–5. */
    Reply commentQuestion(Language language, Trigger trigger) {
        int score = trigger instanceof Trigger.Rating rating ? rating.score() : HIGH - 1;
        String key = score <= LOW ? "bot.comment-low" : score >= HIGH ? "bot.comment-high" : "bot.comment-neutral";
        var buttons = new ArrayList<QuickReply>();
        if (score <= LOW) {
            survey.reasons(language).forEach((code, label) -> buttons.add(new QuickReply(label, QuickReply.REASON_PREFIX + code)));
        }
        buttons.add(skipComment(language));
        return new Reply(Reply.Kind.MESSAGE, words.apply(language, key), buttons);
    }

    Reply commentAfterReason(Language language) {
        return Reply.message(words.apply(language, "bot.comment-after-reason"), skipComment(language));
    }

    /** "How likely are you to recommend us?" with 0 to 10 in the customer's digits, and a way past it. */
    Reply npsQuestion(Language language, String messageKey) {
        var buttons = new ArrayList<QuickReply>();
        IntStream.rangeClosed(0, 10).forEach(score -> buttons.add(new QuickReply(
                words.apply(language, "button.nps", score), QuickReply.NPS_PREFIX + score)));
        buttons.add(new QuickReply(words.apply(language, "button.skip"), QuickReply.SKIP_NPS));
        return new Reply(Reply.Kind.MESSAGE, words.apply(language, messageKey), buttons);
    }

    private QuickReply[] ratingScale(Language language) {
        List<String> faces = survey.faces();
        return IntStream.rangeClosed(1, 5)
                .mapToObj(score -> {
                    String label = words.apply(language, "rating." + score);
                    return new QuickReply(faces.isEmpty() ? label : faces.get(score - 1) + " " + label,
                            QuickReply.RATE_PREFIX + score);
                })
                .toArray(QuickReply[]::new);
    }

    private QuickReply skipComment(Language language) {
        return new QuickReply(words.apply(language, "button.skip"), QuickReply.SKIP_COMMENT);
    }
}
