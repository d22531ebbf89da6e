package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.Inbound.Button;
import io.dastyar.conversation.channel.Inbound.Text;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.support.PostgresTest;
import io.dastyar.support.RecordingChannel;
import io.dastyar.support.ScriptedAnswers;
import io.dastyar.system.Language;

/** The bot's side: answers, "did this help?", the next candidate, and a person once answers keep failing. */
@PostgresTest
class SelfServiceTest {

    @Autowired
    Conversations conversations;
    @Autowired
    RecordingChannel channel;
    @Autowired
    ScriptedAnswers answers;

    private final ChannelAddress customer = new ChannelAddress(RecordingChannel.NAME, "visitor-" + UUID.randomUUID());
    private final String question = "How do I return shoes? " + UUID.randomUUID();
    private int sent;

    @Test
    void aConfidentAnswerIsGivenWithDidThisHelpAndHelpedInvitesMoreQuestions() {
        answers.teach(question, new Answer("returns", Language.EN, "Returns", "Send them back within 30 days.", 0.9, false));
        ConversationId id = send(new Text(question));
        assertThat(state(id)).isEqualTo(ConversationState.AWAITING_FEEDBACK);

        send(new Button(QuickReply.HELPED));
        assertThat(state(id)).isEqualTo(ConversationState.BOT);
        List<Reply> replies = replies(id, 3);
        assertThat(replies.get(0).text()).isEqualTo("Send them back within 30 days.");
        assertThat(replies.get(1).quickReplies()).extracting(QuickReply::payload)
                .containsExactly(QuickReply.HELPED, QuickReply.NOT_HELPED, QuickReply.PERSON);
        assertThat(replies.get(2).text()).contains("glad that helped");
    }

    @Test
    void notHelpedTriesTheNextCandidateAndThenOffersAPerson() {
        answers.teach(question,
                new Answer("returns", Language.EN, "Returns", "Send them back within 30 days.", 0.9, false),
                new Answer("exchange", Language.EN, "Exchanges", "Swap the size in your account.", 0.8, false),
                new Answer("refunds", Language.EN, "Refunds", "Refunds take five days.", 0.7, true));
        ConversationId id = send(new Text(question));

        send(new Button(QuickReply.NOT_HELPED));
        assertThat(state(id)).isEqualTo(ConversationState.AWAITING_FEEDBACK);
        assertThat(replies(id, 4).get(2).text()).contains("Swap the size in your account.");

        send(new Button(QuickReply.NOT_HELPED));
        assertThat(state(id)).isEqualTo(ConversationState.BOT);
        Reply offer = replies(id, 5).get(4);
        assertThat(offer.text()).contains("connect you with someone");
        assertThat(offer.quickReplies()).extracting(QuickReply::payload).containsExactly(QuickReply.PERSON);

        send(new Button(QuickReply.PERSON));
        assertThat(state(id)).isEqualTo(ConversationState.QUEUED);
    }

    @Test
    void closeAnswersAreOfferedAsChoicesAndTheChosenOneIsAnswered() {
        answers.teachCloseCall(question,
                new Answer("returns", Language.EN, "Returning an item", "Send it back within 14 days.", 0.61, false),
                new Answer("exchange", Language.EN, "Exchanging a size", "Swap the size in your account.", 0.60, false));
        ConversationId id = send(new Text(question));
        assertThat(state(id)).isEqualTo(ConversationState.AWAITING_FEEDBACK);
        Reply choices = replies(id, 1).getFirst();
        assertThat(choices.text()).contains("Did you mean");
        assertThat(choices.quickReplies()).extracting(QuickReply::label, QuickReply::payload).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Returning an item", "choose:returns"),
                org.assertj.core.groups.Tuple.tuple("Exchanging a size", "choose:exchange"),
                org.assertj.core.groups.Tuple.tuple("Talk to a person", QuickReply.PERSON));

        send(new Button("choose:exchange"));
        assertThat(replies(id, 3).get(1).text()).isEqualTo("Swap the size in your account.");

        // "Not helped" then moves on to the answer not given yet.
        send(new Button(QuickReply.NOT_HELPED));
        assertThat(replies(id, 5).get(3).text()).contains("Send it back within 14 days.");
    }

    @Test
    void notHelpedNeverOffersTheSameArticleTwiceEvenAfterAChoice() {
        answers.teachCloseCall(question,
                new Answer("a", Language.EN, "Article A", "Answer A.", 0.62, false),
                new Answer("b", Language.EN, "Article B", "Answer B.", 0.61, false),
                new Answer("c", Language.EN, "Article C", "Answer C.", 0.60, false));
        ConversationId id = send(new Text(question));
        send(new Button("choose:c"));
        send(new Button(QuickReply.NOT_HELPED));

        List<String> texts = replies(id, 5).stream().map(Reply::text).toList();
        assertThat(texts.get(1)).isEqualTo("Answer C.");
        assertThat(texts.get(3)).contains("Answer A.");
    }

    @Test
    void aSensitiveArticleSaysOutrightThatAPersonIsThere() {
        answers.teach(question, new Answer("charged-twice", Language.EN, "Charged twice", "We refund the second charge.", 0.9, true));
        ConversationId id = send(new Text(question));

        Reply didItHelp = replies(id, 2).get(1);
        assertThat(didItHelp.text()).contains("sensitive matter");
        assertThat(didItHelp.quickReplies()).extracting(QuickReply::payload).contains(QuickReply.PERSON);
    }

    private ConversationId send(Inbound.Content content) {
        return conversations.receive(new Inbound(customer, "m" + sent++, content, Optional.empty()))
                .conversation().orElseThrow();
    }

    private ConversationState state(ConversationId id) {
        return conversations.find(id).orElseThrow().state();
    }

    private List<Reply> replies(ConversationId id, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.to(id).size() >= count);
        return channel.to(id).stream().map(received -> received.delivery().reply()).toList();
    }
}
