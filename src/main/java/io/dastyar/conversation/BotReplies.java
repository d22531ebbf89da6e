package io.dastyar.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.system.Language;

/** Words for the effects of a transition, in the conversation's language, from the {@code i18n/bot} bundles. */
@Component
class BotReplies {

    private final MessageSource messages;
    private final SurveyReplies survey;

    BotReplies(MessageSource messages, Optional<SurveyPolicy> survey) {
        this.messages = messages;
        this.survey = new SurveyReplies(survey.orElse(SurveyPolicy.DEFAULTS), this::text);
    }

    /** The replies that carry out a transition's effects, for the trigger that caused it. */
    List<Reply> compose(List<Effect> effects, Language language, SelfService.Prepared prepared, Trigger trigger) {
        Optional<Answer> answer = prepared.answer();
        var replies = new ArrayList<Reply>();
        for (Effect effect : effects) {
            switch (effect) {
                case ANSWER -> {
                    replies.add(Reply.message(required(answer).text()));
                    replies.add(didItHelp(language, required(answer).escalate()));
                }
                case OFFER_NEXT_CANDIDATE -> {
                    replies.add(Reply.message(text(language, "bot.next-candidate") + "\n\n" + required(answer).text()));
                    replies.add(didItHelp(language, required(answer).escalate()));
                }
                case OFFER_CHOICES -> replies.add(choices(language, prepared.choices()));
                case SAY_NO_ANSWER -> replies.add(Reply.message(text(language, "bot.no-answer"), person(language)));
                case OFFER_PERSON_UNANSWERED -> replies.add(Reply.message(text(language, "bot.still-no-answer"),
                        person(language)));
                case OFFER_PERSON -> replies.add(Reply.message(text(language, "bot.offer-person"), person(language)));
                case INVITE_MORE_QUESTIONS -> replies.add(Reply.message(text(language, "bot.more-questions"), end(language)));
                case ENQUEUE -> replies.add(Reply.notice(text(language, "bot.queued"), end(language)));
                case REMIND_QUEUED -> replies.add(Reply.notice(text(language, "bot.still-queued")));
                case ANNOUNCE_AGENT -> replies.add(Reply.notice(trigger instanceof Trigger.AgentJoined joined
                        ? text(language, "bot.agent-joined-named", joined.agentName())
                        : text(language, "bot.agent-joined")));
                case ANNOUNCE_TRANSFER -> replies.add(Reply.notice(text(language, "bot.transferred")));
                case ASK_RATING -> replies.add(survey.ratingQuestion(language));
                case REPEAT_RATING_QUESTION -> replies.add(survey.ratingQuestion(language, "bot.rating-repeat"));
                case REMIND_RATING -> replies.add(survey.ratingQuestion(language, "bot.rating-reminder"));
                case KEEP_AS_COMMENT -> replies.add(Reply.notice(text(language, "bot.kept-as-comment")));
                case ASK_COMMENT -> replies.add(survey.commentQuestion(language, trigger));
                case ASK_COMMENT_AFTER_REASON -> replies.add(survey.commentAfterReason(language));
                case ASK_NPS -> replies.add(survey.npsQuestion(language, "bot.nps-question"));
                case THANK_AND_CLOSE -> replies.add(Reply.notice(text(language, "bot.closed")));
                case CLOSE_UNRATED -> replies.add(survey.closedUnrated(language));
                case FORWARD_TO_AGENT -> { } // the agent reads it in the transcript; the bot stays silent
            }
        }
        return replies;
    }

    /** Where the customer stands in the queue; channels show only the latest of these. */
    Reply queueStatus(Language language, QueueOutlook.Outlook outlook) {
        String text = switch (outlook) {
            case QueueOutlook.Waiting waiting when waiting.expected().isEmpty() ->
                    text(language, "bot.queue-place", waiting.place());
            case QueueOutlook.Waiting waiting -> {
                QueueOutlook.WaitRange wait = waiting.expected().orElseThrow();
                if (wait.underAMinute()) {
                    yield text(language, "bot.queue-status-soon", waiting.place());
                }
                // "about 0–3 minutes" reads oddly: a range from nothing is said as "up to".
                yield wait.fromMinutes() == 0 ? text(language, "bot.queue-status-upto", waiting.place(), wait.toMinutes())
                        : text(language, "bot.queue-status", waiting.place(), wait.fromMinutes(), wait.toMinutes());
            }
            case QueueOutlook.Closed closed -> text(language, "bot.queue-closed", closed.place(), closed.opening());
            case QueueOutlook.NobodyOnline nobody -> text(language, "bot.queue-nobody", nobody.place());
        };
        return new Reply(Reply.Kind.QUEUE_STATUS, text, List.of());
    }

    /** A direct answer that changes nothing in the conversation: greetings, unknown commands, bad input. */
    Reply respond(String messageKey, Language language, Object... arguments) {
        if (messageKey.equals("bot.rating-invalid")) {
            return survey.ratingQuestion(language, messageKey);
        }
        if (messageKey.equals("bot.nps-invalid")) {
            return survey.npsQuestion(language, messageKey);
        }
        if (messageKey.equals("bot.text-only")) {
            return Reply.message(text(language, messageKey), person(language));
        }
        return Reply.notice(text(language, messageKey, arguments));
    }

    /** For sensitive topics ({@code escalate}) the question says outright that a person is there too. */
    private Reply didItHelp(Language language, boolean escalate) {
        return Reply.message(text(language, escalate ? "bot.did-it-help-escalate" : "bot.did-it-help"),
                new QuickReply(text(language, "button.helped"), QuickReply.HELPED),
                new QuickReply(text(language, "button.not-helped"), QuickReply.NOT_HELPED),
                person(language));
    }

    /** "Did you mean …?": one button per article, and a way out to a person. */
    private Reply choices(Language language, List<Answer> choices) {
        var buttons = new ArrayList<QuickReply>();
        choices.forEach(choice -> buttons.add(new QuickReply(choice.title(), QuickReply.CHOOSE_PREFIX + choice.articleId())));
        buttons.add(person(language));
        return new Reply(Reply.Kind.MESSAGE, text(language, "bot.did-you-mean"), buttons);
    }

    private QuickReply person(Language language) {
        return new QuickReply(text(language, "button.person"), QuickReply.PERSON);
    }

    private QuickReply end(Language language) {
        return new QuickReply(text(language, "button.end"), QuickReply.END);
    }

    private String text(Language language, String key, Object... arguments) {
        return messages.getMessage(key, arguments, language.locale());
    }

    private static Answer required(Optional<Answer> answer) {
        return answer.orElseThrow(() -> new IllegalStateException("An answer effect fired without an answer"));
    }
}
