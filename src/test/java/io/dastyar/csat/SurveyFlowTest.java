package io.dastyar.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.handoff.Handoff;
import io.dastyar.support.MutableClock;
import io.dastyar.support.PostgresTest;
import io.dastyar.support.ScriptedAnswers;
import io.dastyar.support.ScriptedSurvey;
import io.dastyar.system.Language;

/** The survey end to end: web-channel customers, the real state machine, PostgreSQL, and what csat keeps. */
@PostgresTest
class SurveyFlowTest {

    private static final List<String> RATING_BUTTONS = List.of("rate:1", "rate:2", "rate:3", "rate:4", "rate:5");

    @Autowired
    Conversations conversations;
    @Autowired
    Handoff handoff;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ScriptedAnswers scripted;
    @Autowired
    ScriptedSurvey survey;

    private SurveyCustomer customer(Language language) {
        return new SurveyCustomer(conversations, jdbc, language);
    }

    @Test
    void everyWayOfClosingAsksTheRatingQuestionInTheWebChannelAndOpensTheSurvey() {
        scripted.teach("How do I return a parcel? (csat)", new Answer("returns", Language.EN, "Returns",
                "Within 14 days, from your account.", 0.9, false));
        var botResolved = customer(Language.EN);
        botResolved.say("How do I return a parcel? (csat)");
        botResolved.press(QuickReply.HELPED);
        botResolved.press(QuickReply.END);

        var agentResolved = customer(Language.FA);
        ConversationId handedOff = agentResolved.say("سلام").conversation().orElseThrow();
        agentResolved.press(QuickReply.PERSON);
        String agent = agent("sara");
        assertThat(handoff.claim(agent, handedOff)).isEqualTo(Handoff.Outcome.DONE);
        assertThat(handoff.resolve(agent, handedOff)).isEqualTo(Handoff.Outcome.DONE);

        var customerEnded = customer(Language.AR);
        customerEnded.say("/end");

        var timedOut = customer(Language.AZ);
        timedOut.say("Salam");
        clock.advance(Duration.ofMinutes(16));
        await().atMost(Duration.ofSeconds(10)).until(() -> timedOut.state() == ConversationState.AWAITING_RATING);

        for (var closing : List.of(botResolved, agentResolved, customerEnded, timedOut)) {
            assertThat(closing.state()).isEqualTo(ConversationState.AWAITING_RATING);
            assertThat(closing.lastButtons()).isEqualTo(RATING_BUTTONS);
            assertThat(closing.survey()).containsEntry("channel", "web").containsEntry("status", "OPEN")
                    .containsEntry("nps_asked", false);
        }
        assertThat(agentResolved.lastReply().quickReplies().getFirst().label()).isEqualTo("😞 خیلی ناراضی");
        assertThat(agentResolved.survey()).containsEntry("language", "fa");
    }

    @Test
    void anUnansweredQuestionIsRemindedOnceThenClosesAsNoResponseAndALateRatingStillCounts() {
        var quiet = customer(Language.EN);
        quiet.say("/end");
        clock.advance(Duration.ofMinutes(61));
        await().atMost(Duration.ofSeconds(10)).until(() -> quiet.survey().get("reminded_at") != null);
        assertThat(quiet.state()).isEqualTo(ConversationState.AWAITING_RATING);
        assertThat(quiet.lastReply().text()).startsWith("A quick reminder");
        assertThat(quiet.lastButtons()).isEqualTo(RATING_BUTTONS);

        clock.advance(Duration.ofMinutes(61));
        await().atMost(Duration.ofSeconds(10)).until(() -> quiet.state() == ConversationState.CLOSED);
        assertThat(quiet.survey()).containsEntry("status", "NO_RESPONSE");
        assertThat(quiet.lastButtons()).as("the buttons still count for a while").isEqualTo(RATING_BUTTONS);

        ConversationId closed = quiet.conversation();
        clock.advance(Duration.ofHours(23));
        quiet.press("rate:4");
        assertThat(quiet.conversation()).as("no new conversation").isEqualTo(closed);
        assertThat(quiet.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(quiet.answers()).singleElement().satisfies(answer -> assertThat(answer)
                .containsEntry("kind", "RATING").containsEntry("score", 4).containsEntry("late", true));
        assertThat(quiet.survey()).containsEntry("status", "ANSWERED");
        assertThat(quiet.lastReply().text()).contains("recorded");
        assertThat(conversations.find(closed).orElseThrow().rating()).contains(4);

        clock.advance(Duration.ofHours(2));
        quiet.press("rate:1");
        assertThat(quiet.conversation()).isEqualTo(closed);
        assertThat(quiet.answers()).as("after the late window nothing more is recorded").hasSize(1);
        assertThat(quiet.lastReply().text()).contains("has closed");
    }

    @Test
    void textWhereARatingIsExpectedIsAskedAgainOnceThenKeptAsTheComment() {
        var chatty = customer(Language.EN);
        chatty.say("/end");
        chatty.say("Why do you need this?");
        assertThat(chatty.state()).isEqualTo(ConversationState.AWAITING_RATING);
        assertThat(chatty.lastReply().text()).contains("keep it as your comment");
        assertThat(chatty.lastButtons()).isEqualTo(RATING_BUTTONS);

        chatty.say("The delivery man was rude to me");
        assertThat(chatty.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(chatty.survey()).containsEntry("status", "NO_RESPONSE")
                .containsEntry("unrated_comment", "The delivery man was rude to me");
        assertThat(chatty.answers()).isEmpty();
        assertThat(conversations.find(chatty.conversation()).orElseThrow().ratingComment())
                .contains("The delivery man was rude to me");
    }

    @Test
    void aRatingOutsideOneToFiveIsRefusedWithTheQuestionAgain() {
        var wrong = customer(Language.FA);
        wrong.say("/end");
        wrong.say("۹");
        assertThat(wrong.lastReply().text()).contains("عددی از ۱ تا ۵");
        assertThat(wrong.lastButtons()).isEqualTo(RATING_BUTTONS);
        wrong.press("rate:0");
        assertThat(wrong.state()).isEqualTo(ConversationState.AWAITING_RATING);
        assertThat(wrong.answers()).isEmpty();
        wrong.say("۳");
        assertThat(wrong.state()).isEqualTo(ConversationState.AWAITING_COMMENT);
        assertThat(wrong.lastReply().text()).contains("بهتر انجام دهیم");
    }

    @Test
    void aSecondRatingReplacesTheFirstAndBothAreKept() {
        var changing = customer(Language.EN);
        changing.say("/end");
        changing.press("rate:2");
        assertThat(changing.lastReply().text()).contains("What went wrong");
        assertThat(changing.lastButtons()).containsExactly("reason:slow", "reason:unsolved", "reason:unclear",
                "reason:unfriendly", QuickReply.SKIP_COMMENT);
        changing.press("rate:4");
        assertThat(changing.lastReply().text()).contains("What went well");
        changing.say("Sorted in the end");
        assertThat(changing.state()).isEqualTo(ConversationState.CLOSED);

        changing.press("rate:5"); // an old button, after closing: replaces again, not late
        List<Map<String, Object>> answers = changing.answers();
        assertThat(answers).extracting(answer -> answer.get("score")).containsExactly(2, 4, 5);
        assertThat(answers.get(0).get("superseded_at")).isNotNull();
        assertThat(answers.get(1).get("superseded_at")).isNotNull();
        assertThat(answers.get(1)).containsEntry("comment", "Sorted in the end");
        assertThat(answers.get(2)).containsEntry("late", false).containsEntry("superseded_at", null);
        assertThat(changing.survey()).containsEntry("status", "ANSWERED");
    }

    @Test
    void aConversationPickedForNpsIsAskedZeroToTenAfterTheRatingAndNothingHoldsItOpen() {
        var picked = customer(Language.AR);
        ConversationId id = picked.say("/end").conversation().orElseThrow();
        survey.askNps(id);
        picked.press("rate:5");
        picked.press(QuickReply.SKIP_COMMENT);
        assertThat(picked.state()).isEqualTo(ConversationState.AWAITING_NPS);
        assertThat(picked.lastReply().quickReplies()).hasSize(12);
        assertThat(picked.lastReply().quickReplies().get(10).label()).isEqualTo("١٠");
        assertThat(picked.survey()).containsEntry("nps_asked", true);

        picked.press("nps:11");
        assertThat(picked.state()).isEqualTo(ConversationState.AWAITING_NPS);
        assertThat(picked.lastReply().text()).contains("من ٠ إلى ١٠");
        picked.say("٩");
        assertThat(picked.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(picked.answers()).extracting(a -> a.get("kind"), a -> a.get("score"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RATING", 5),
                        org.assertj.core.groups.Tuple.tuple("NPS", 9));

        var busy = customer(Language.EN);
        ConversationId other = busy.say("/end").conversation().orElseThrow();
        survey.askNps(other);
        busy.press("rate:3");
        busy.say("Fine");
        busy.say("I have to go");
        assertThat(busy.state()).as("any message closes the NPS step").isEqualTo(ConversationState.CLOSED);

        var notPicked = customer(Language.EN);
        notPicked.say("/end");
        notPicked.press("rate:5");
        notPicked.press(QuickReply.SKIP_COMMENT);
        assertThat(notPicked.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(notPicked.survey()).containsEntry("nps_asked", false);
    }

    private String agent(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(username, name, "a-long-enough-password", Role.AGENT));
        return username;
    }
}
