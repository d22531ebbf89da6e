package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.TranscriptEntry.Direction;
import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.Inbound.Button;
import io.dastyar.conversation.channel.Inbound.Text;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Receipt;
import io.dastyar.conversation.channel.Receipt.Outcome;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.support.MutableClock;
import io.dastyar.support.PostgresTest;
import io.dastyar.support.RecordingChannel;
import io.dastyar.support.ScriptedAnswers;
import io.dastyar.system.Language;

/** Whole conversations through the conversation API, the real state machine, PostgreSQL and the outbox. */
@PostgresTest
class ConversationFlowTest {

    @Autowired
    Conversations conversations;
    @Autowired
    RecordingChannel channel;
    @Autowired
    @Qualifier("plainTextChannel")
    RecordingChannel plainChannel;
    @Autowired
    ScriptedAnswers scripted;
    @Autowired
    MutableClock clock;
    @Autowired
    TimerPoller timerPoller;
    @Autowired
    JdbcClient jdbc;

    private final ChannelAddress customer = new ChannelAddress(RecordingChannel.NAME, "visitor-" + UUID.randomUUID());
    private int sent;

    @Test
    void aQuestionWithoutAnAnswerIsSaidSoAndAPersonIsOffered() {
        ConversationId id = say("Where is my parcel?").conversation().orElseThrow();

        assertThat(state(id)).isEqualTo(ConversationState.BOT);
        List<Reply> replies = awaitReplies(id, 1);
        assertThat(replies.getFirst().text()).contains("don't have a good answer");
        assertThat(replies.getFirst().quickReplies()).extracting(QuickReply::payload).containsExactly(QuickReply.PERSON);
        assertThat(conversations.transcript(id)).extracting(TranscriptEntry::direction, TranscriptEntry::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Direction.IN, Author.CUSTOMER),
                        org.assertj.core.groups.Tuple.tuple(Direction.OUT, Author.BOT));
    }

    @Test
    void aSecondUnanswerableQuestionInARowOffersAPersonOutrightAndAnAnswerStartsTheCountAgain() {
        ConversationId id = say("Where is my parcel?").conversation().orElseThrow();
        say("Do you sell gift cards?");
        List<Reply> replies = awaitReplies(id, 2);
        assertThat(replies.get(0).text()).contains("don't have a good answer");
        assertThat(replies.get(1).text()).contains("still can't find an answer").contains("shall I connect you");
        assertThat(replies.get(1).quickReplies()).extracting(QuickReply::payload).containsExactly(QuickReply.PERSON);
        assertThat(state(id)).isEqualTo(ConversationState.BOT);

        scripted.teach("Can I pay in instalments?", new Answer("instalments", Language.EN, "Instalments",
                "Yes, in three monthly payments.", 0.9, false));
        say("Can I pay in instalments?");
        press(QuickReply.HELPED);
        say("Do you ship to the moon?");
        assertThat(awaitReplies(id, 6).getLast().text()).contains("don't have a good answer");
    }

    @Test
    void aConversationHandedToAnAgentEndsWithTheCsatQuestionAndKeepsTheRating() {
        ConversationId id = say("My parcel arrived broken").conversation().orElseThrow();
        press(QuickReply.PERSON);
        assertThat(state(id)).isEqualTo(ConversationState.QUEUED);

        assertThat(conversations.fire(id, ConversationEvent.ASSIGNED)).isTrue();
        say("Hello, are you there?");
        assertThat(state(id)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(conversations.fire(id, ConversationEvent.RESOLVED)).isTrue();
        assertThat(state(id)).isEqualTo(ConversationState.AWAITING_RATING);

        Reply ratingQuestion = awaitReplies(id, 4).getLast();
        assertThat(ratingQuestion.quickReplies()).extracting(QuickReply::payload)
                .containsExactly("rate:1", "rate:2", "rate:3", "rate:4", "rate:5");
        assertThat(ratingQuestion.quickReplies()).extracting(QuickReply::label)
                .containsExactly("😞 Very dissatisfied", "😕 Dissatisfied", "😐 Neither", "😊 Satisfied", "😀 Very satisfied");

        press("rate:4");
        say("Quick and friendly, thank you");

        ConversationSummary closed = conversations.find(id).orElseThrow();
        assertThat(closed.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(closed.rating()).contains(4);
        assertThat(closed.ratingComment()).contains("Quick and friendly, thank you");
        assertThat(closed.closedAt()).isPresent();
        assertThat(awaitReplies(id, 6).getLast().kind()).isEqualTo(Reply.Kind.NOTICE);
    }

    @Test
    void anAgentWritesToTheCustomerOnlyWhileTheConversationIsTheirs() {
        ConversationId id = say("Hi").conversation().orElseThrow();
        assertThat(conversations.sendFromAgent(id, "Sara", "Hello, I'm Sara")).isEmpty();
        press(QuickReply.PERSON);
        assertThat(conversations.sendFromAgent(id, "Sara", "Hello, I'm Sara")).isEmpty();

        assertThat(conversations.assign(id, "Sara")).isTrue();
        var line = conversations.sendFromAgent(id, "Sara", "Hello, I'm Sara. How can I help?");
        assertThat(line).isPresent();
        assertThatThrownBy(() -> conversations.sendFromAgent(id, "Sara", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conversations.sendFromAgent(id, "Sara", "x".repeat(4_001)))
                .isInstanceOf(IllegalArgumentException.class);

        Reply fromAgent = awaitReplies(id, 5).getLast();
        assertThat(fromAgent.text()).isEqualTo("Hello, I'm Sara. How can I help?");
        assertThat(fromAgent.agentName()).isEqualTo("Sara");
        assertThat(conversations.transcript(id)).filteredOn(entry -> entry.id() == line.getAsLong())
                .singleElement().extracting(TranscriptEntry::author).isEqualTo(Author.AGENT);
    }

    @Test
    void aMessageAfterClosingStartsANewConversation() {
        ConversationId first = say("/end").conversation().orElseThrow();
        press(QuickReply.END);
        assertThat(state(first)).isEqualTo(ConversationState.CLOSED);

        ConversationId second = say("Hello again").conversation().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(state(second)).isEqualTo(ConversationState.BOT);
    }

    @Test
    void aRatingTypedInPersianDigitsCountsAndANumberOutOfRangeIsExplained() {
        ConversationId id = sayIn(Language.FA, "/end").conversation().orElseThrow();
        assertThat(state(id)).isEqualTo(ConversationState.AWAITING_RATING);

        say("7");
        assertThat(state(id)).isEqualTo(ConversationState.AWAITING_RATING);
        assertThat(awaitReplies(id, 2).getLast().text()).contains("عددی از ۱ تا ۵");

        say("۴");
        press(QuickReply.SKIP_COMMENT);
        assertThat(conversations.find(id).orElseThrow().rating()).contains(4);
        assertThat(state(id)).isEqualTo(ConversationState.CLOSED);
    }

    @Test
    void aRedeliveredMessageIsStoredAndAnsweredOnce() {
        var inbound = new Inbound(customer, "client-1", new Text("Do you ship abroad?"), Optional.empty());
        Receipt first = conversations.receive(inbound);
        Receipt again = conversations.receive(inbound);

        assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(again).isEqualTo(new Receipt(first.conversation(), Outcome.DUPLICATE, first.line()));
        ConversationId id = first.conversation().orElseThrow();
        assertThat(conversations.transcript(id)).filteredOn(e -> e.direction() == Direction.IN).hasSize(1);
        assertThat(awaitReplies(id, 1)).hasSize(1);
    }

    @Test
    void emptyMessagesAreIgnoredAndOversizedOnesRefusedWithANoticeInTheCustomersLanguage() {
        assertThat(say("   ")).isEqualTo(new Receipt(Optional.empty(), Outcome.IGNORED));
        // Invisible characters only: zero-width space, ZWNJ, no-break space, RLO, BOM, soft hyphen, a lone accent.
        for (String invisible : List.of("\u200B", "\u200C", "\u00A0", "\u202E", "\uFEFF", "\u00AD", "\u0301")) {
            assertThat(say(invisible)).as("U+%04X", (int) invisible.charAt(0))
                    .isEqualTo(new Receipt(Optional.empty(), Outcome.IGNORED));
        }

        Receipt refused = sayIn(Language.AR, "x".repeat(4_001));
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        ConversationId id = refused.conversation().orElseThrow();
        assertThat(awaitReplies(id, 1).getFirst().text()).contains("طويلة جداً").contains("٤٬٠٠٠");
        assertThat(conversations.transcript(id)).noneMatch(entry -> entry.direction() == Direction.IN);
        assertThat(state(id)).isEqualTo(ConversationState.BOT);
    }

    @Test
    void unknownCommandsAndStaleButtonsGetANoticeAndChangeNothing() {
        ConversationId id = say("/refund-now").conversation().orElseThrow();
        press(QuickReply.HELPED);

        assertThat(state(id)).isEqualTo(ConversationState.BOT);
        List<Reply> replies = awaitReplies(id, 2);
        assertThat(replies.get(0).text()).contains("don't know that command");
        assertThat(replies.get(1).text()).contains("isn't available any more");
    }

    @Test
    void aConversationThatOnlyEverSaidStartStillTimesOut() {
        ConversationId id = say("/start").conversation().orElseThrow();
        assertThat(state(id)).isEqualTo(ConversationState.BOT);

        clock.advance(Duration.ofMinutes(16));
        timerPoller.fireDueTimers();
        assertThat(state(id)).isEqualTo(ConversationState.AWAITING_RATING);
    }

    @Test
    void aQuietConversationTimesOutIntoTheCsatQuestionIsRemindedOnceAndThenClosesUnrated() {
        ConversationId id = say("Hi").conversation().orElseThrow();

        clock.advance(Duration.ofMinutes(16));
        timerPoller.fireDueTimers();
        assertThat(state(id)).isEqualTo(ConversationState.AWAITING_RATING);

        clock.advance(Duration.ofMinutes(61));
        timerPoller.fireDueTimers();
        assertThat(state(id)).isEqualTo(ConversationState.AWAITING_RATING);
        clock.advance(Duration.ofMinutes(61));
        timerPoller.fireDueTimers();
        assertThat(state(id)).isEqualTo(ConversationState.CLOSED);
        assertThat(conversations.transcript(id)).extracting(TranscriptEntry::text)
                .anyMatch(text -> text.contains("how satisfied are you"))
                .anyMatch(text -> text.contains("A quick reminder"))
                .anyMatch(text -> text.contains("buttons below work for 24 more hours"));
    }

    @Test
    void everyReplyLeavesOnlyAfterTheMessageThatCausedItIsCommittedAndAFailedDeliveryIsRetried() {
        channel.failNext(customer.recipient(), 1);
        ConversationId id = say("Is anyone there?").conversation().orElseThrow();
        say("/unknown-command");

        await().atMost(Duration.ofSeconds(10)).until(() -> channel.to(id).size() == 2);
        assertThat(channel.to(id)).allSatisfy(received -> assertThat(received.committedInboundMessages()).isPositive());
        // The first reply failed once and was retried; the second waited for it instead of overtaking it.
        assertThat(channel.to(id)).extracting(received -> received.delivery().reply().text())
                .containsExactly(
                        "Sorry, I don't have a good answer to that. Would you like to talk to a person?",
                        "Sorry, I don't know that command. Type /person to talk to someone, or /end to finish.");
        assertThat(jdbc.sql("SELECT attempts FROM outbox WHERE conversation_id = ? ORDER BY id").param(id.value())
                .query(Integer.class).list()).containsExactly(2, 1);
    }

    @Test
    void onAChannelWithoutButtonsTheChoicesAreNumberedAndANumberPressesOne() {
        scripted.teach("Can I pay in instalments?", new Answer("instalments", Language.EN, "Instalments",
                "Yes, in three monthly payments.", 0.9, false));
        var plain = new ChannelAddress(RecordingChannel.PLAIN, "sms-" + UUID.randomUUID());
        ConversationId id = conversations.receive(new Inbound(plain, "p1", new Text("Can I pay in instalments?"),
                Optional.empty())).conversation().orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> plainChannel.to(id).size() >= 2);
        Reply didItHelp = plainChannel.to(id).get(1).delivery().reply();
        assertThat(didItHelp.asNumberedText()).endsWith("1. Yes, thanks\n2. No\n3. Talk to a person");

        conversations.receive(new Inbound(plain, "p2", new Text("3"), Optional.empty()));
        assertThat(state(id)).isEqualTo(ConversationState.QUEUED);
        // A number where no buttons were offered is just text: in the queue it is kept for the agent.
        conversations.receive(new Inbound(plain, "p3", new Text("7"), Optional.empty()));
        assertThat(state(id)).isEqualTo(ConversationState.QUEUED);
    }

    @Test
    void aPersonAskedForInWordsIsQueuedEvenWhenAnArticleWouldAnswerAndALookAlikeStillGetsTheArticle() {
        var contact = new Answer("contact-support", Language.FA, "چطور با پشتیبانی انار تماس بگیرم؟",
                "تلفن: ۰۲۱-۹۱۰۰۵۵۰۰", 0.9, false);
        scripted.teach("میخوام با اپراتور صحبت کنم", contact);
        scripted.teach("شماره تلفن پشتیبانی چیه؟", contact);

        ConversationId id = sayIn(Language.FA, "میخوام با اپراتور صحبت کنم").conversation().orElseThrow();
        assertThat(state(id)).isEqualTo(ConversationState.QUEUED);
        assertThat(awaitReplies(id, 1).getFirst().text()).contains("همکارانمان").doesNotContain("۹۱۰۰۵۵۰۰");

        var other = new ChannelAddress(RecordingChannel.NAME, "visitor-" + UUID.randomUUID());
        ConversationId answered = conversations.receive(new Inbound(other, "m0", new Text("شماره تلفن پشتیبانی چیه؟"),
                Optional.of(Language.FA))).conversation().orElseThrow();
        assertThat(state(answered)).isEqualTo(ConversationState.AWAITING_FEEDBACK);
        assertThat(awaitReplies(answered, 1).getFirst().text()).isEqualTo("تلفن: ۰۲۱-۹۱۰۰۵۵۰۰");
    }

    @Test
    void aPersonAskedForAfterAnAnswerIsQueuedAndInTheQueueWordsAreForTheAgent() {
        scripted.teach("Can I pay in instalments? (flow)", new Answer("instalments", Language.EN, "Instalments",
                "Yes, in three monthly payments.", 0.9, false));
        ConversationId id = say("Can I pay in instalments? (flow)").conversation().orElseThrow();
        assertThat(state(id)).isEqualTo(ConversationState.AWAITING_FEEDBACK);

        say("That doesn't answer it, can I talk to a human?");
        assertThat(state(id)).isEqualTo(ConversationState.QUEUED);
        say("I want to talk to a person");
        assertThat(state(id)).isEqualTo(ConversationState.QUEUED);
        assertThat(awaitReplies(id, 5)).extracting(Reply::text)
                .anyMatch(text -> text.contains("still in the queue"))
                .noneMatch(text -> text.contains("isn't available any more"));
    }

    private Receipt say(String text) {
        return conversations.receive(new Inbound(customer, "m" + sent++, new Text(text), Optional.empty()));
    }

    private Receipt sayIn(Language language, String text) {
        return conversations.receive(new Inbound(customer, "m" + sent++, new Text(text), Optional.of(language)));
    }

    private void press(String payload) {
        conversations.receive(new Inbound(customer, "m" + sent++, new Button(payload), Optional.empty()));
    }

    private ConversationState state(ConversationId id) {
        return conversations.find(id).orElseThrow().state();
    }

    private List<Reply> awaitReplies(ConversationId id, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.to(id).size() >= count);
        return channel.to(id).stream().map(received -> received.delivery().reply()).toList();
    }
}
