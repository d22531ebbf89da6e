package io.dastyar.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.support.PostgresTest;
import io.dastyar.support.RecordingChannel;
import io.dastyar.support.ScriptedAnswers;
import io.dastyar.system.Language;

/** What customers asked and what they thought of the answers is kept for the admins. */
@PostgresTest
class AnswerLogTest {

    @Autowired
    Conversations conversations;
    @Autowired
    ScriptedAnswers answers;
    @Autowired
    JdbcClient jdbc;

    private final ChannelAddress customer = new ChannelAddress(RecordingChannel.NAME, "log-" + UUID.randomUUID());
    private int sent;

    @Test
    void questionsAnswersAndVerdictsAreRecorded() {
        String question = "Can I return worn shoes? " + UUID.randomUUID();
        answers.teach(question, new Answer("returns", Language.EN, "Returns", "Within 14 days.", 0.72, false),
                new Answer("exchange", Language.EN, "Exchanges", "Swap the size.", 0.61, false));
        ConversationId id = send(new Inbound.Text(question));
        send(new Inbound.Button(QuickReply.NOT_HELPED));
        send(new Inbound.Button(QuickReply.HELPED));
        send(new Inbound.Text("What is the meaning of life?"));

        assertThat(jdbc.sql("SELECT question, article_id, score FROM kb_question WHERE conversation_id = ? ORDER BY id")
                .param(id.value())
                .query((rs, row) -> tuple(rs.getString(1), rs.getString(2), rs.getObject(3)))
                .list()).containsExactly(
                        tuple(question, "returns", 0.72),
                        tuple("What is the meaning of life?", null, null));
        assertThat(jdbc.sql("SELECT article_id, verdict FROM kb_feedback WHERE conversation_id = ? ORDER BY id")
                .param(id.value())
                .query((rs, row) -> tuple(rs.getString(1), rs.getString(2)))
                .list()).containsExactly(tuple("returns", "NOT_HELPED"), tuple("exchange", "HELPED"));
    }

    @Test
    void askingForAPersonInsteadOfJudgingCountsAsAHandOff() {
        String question = "My parcel arrived broken " + UUID.randomUUID();
        answers.teach(question, new Answer("damaged-parcel", Language.EN, "Damaged parcel", "Report it within 48 hours.", 0.8, true));
        ConversationId id = send(new Inbound.Text(question));
        send(new Inbound.Button(QuickReply.PERSON));

        assertThat(jdbc.sql("SELECT verdict FROM kb_feedback WHERE conversation_id = ?").param(id.value())
                .query(String.class).list()).containsExactly("HANDED_OFF");
    }

    private ConversationId send(Inbound.Content content) {
        return conversations.receive(new Inbound(customer, "m" + sent++, content, Optional.empty()))
                .conversation().orElseThrow();
    }
}
