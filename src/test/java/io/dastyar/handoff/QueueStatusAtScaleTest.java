package io.dastyar.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.support.RecordingChannel;
import io.dastyar.support.WriteCounter;
import io.dastyar.system.Language;

/**
 * Queue status at scale: with a thousand customers waiting, one of them leaving writes nothing for the others. Each
 * is shown their new place in place, in one batched refresh, and the transcript keeps only what was said.
 */
@HandoffTest
class QueueStatusAtScaleTest {

    private static final int WAITING = 1_000;

    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordingChannel channel;
    @Autowired
    WriteCounter counter;

    @Test
    void aDepartureFromAQueueOfAThousandWritesNothingForThoseStillWaiting() {
        new Customers(conversations, jdbc).cleanSlate();
        List<ConversationId> line = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            ChannelAddress customer = Customers.someone();
            line.add(conversations.receive(new Inbound(customer, UUID.randomUUID().toString(),
                    new Inbound.Text("/person"), Optional.of(Language.EN))).conversation().orElseThrow());
        }
        ConversationId last = line.getLast();
        await().atMost(Duration.ofSeconds(30)).until(() -> placeShownTo(last) == WAITING);
        long linesBefore = linesOfOthers(line.getFirst());
        long writesBefore = counter.writes();

        conversations.fire(line.getFirst(), ConversationEvent.RESOLVED);

        await().atMost(Duration.ofSeconds(30)).until(() -> placeShownTo(last) == WAITING - 1);
        long writes = counter.writes() - writesBefore;
        System.out.printf("Queue of %,d: one departure, %d writing statements in all; %d new transcript or outbox "
                + "rows for those still waiting%n", WAITING, writes, linesOfOthers(line.getFirst()) - linesBefore);
        assertThat(linesOfOthers(line.getFirst())).as("no transcript line or delivery for those still waiting")
                .isEqualTo(linesBefore);
        assertThat(line.subList(1, WAITING)).allSatisfy(waiting -> assertThat(placeShownTo(waiting))
                .isEqualTo(line.indexOf(waiting)));
        // The departure's own: the conversation, its transcript, outbox and timer, hand-off's rows; not one per waiting customer.
        assertThat(writes).isLessThan(50);
        new Customers(conversations, jdbc).cleanSlate();
    }

    private int placeShownTo(ConversationId conversation) {
        List<String> shown = channel.queueStatusesOf(conversation);
        if (shown.isEmpty()) {
            return -1;
        }
        // "number 1,000": grouped as the customer's language groups digits.
        Matcher number = Pattern.compile("\\d[\\d,]*").matcher(shown.getLast());
        return number.find() ? Integer.parseInt(number.group().replace(",", "")) : -1;
    }

    private long linesOfOthers(ConversationId leaving) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM message WHERE conversation_id <> ?)
                             + (SELECT count(*) FROM outbox WHERE conversation_id <> ?)""")
                .params(leaving.value(), leaving.value()).query(Long.class).single();
    }
}
