package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.TranscriptEntry.Direction;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.Inbound.Button;
import io.dastyar.conversation.channel.Inbound.Text;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Receipt;
import io.dastyar.support.PostgresTest;
import io.dastyar.support.RecordingChannel;

/** Many threads applying events to one conversation at once: the optimistic lock and the retry lose nothing. */
@PostgresTest
class ConcurrentEventsTest {

    private static final int THREADS = 8;
    private static final int MESSAGES_PER_THREAD = 25;

    @Autowired
    Conversations conversations;
    @Autowired
    ConversationRepository repository;
    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentEventsOnOneConversationAreAllApplied() throws Exception {
        var customer = new ChannelAddress(RecordingChannel.NAME, "busy-" + UUID.randomUUID());
        ConversationId id = conversations.receive(new Inbound(customer, "first", new Text("Hi"), Optional.empty()))
                .conversation().orElseThrow();
        conversations.receive(new Inbound(customer, "person", new Button(QuickReply.PERSON), Optional.empty()));
        int eventsBefore = repository.findById(id.value()).orElseThrow().eventsApplied();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Receipt>>();
        for (int t = 0; t < THREADS; t++) {
            for (int m = 0; m < MESSAGES_PER_THREAD; m++) {
                String clientId = "t" + t + "-m" + m;
                results.add(pool.submit(() -> {
                    start.await();
                    return conversations.receive(new Inbound(customer, clientId, new Text("still there? " + clientId),
                            Optional.empty()));
                }));
            }
        }
        start.countDown();
        for (Future<Receipt> result : results) {
            assertThat(result.get().outcome()).isEqualTo(Receipt.Outcome.ACCEPTED);
        }
        pool.shutdown();

        int total = THREADS * MESSAGES_PER_THREAD;
        Conversation after = repository.findById(id.value()).orElseThrow();
        assertThat(after.state()).isEqualTo(ConversationState.QUEUED);
        assertThat(after.eventsApplied()).isEqualTo(eventsBefore + total);
        assertThat(conversations.transcript(id)).filteredOn(entry -> entry.direction() == Direction.IN)
                .hasSize(total + 2);
        // Every event answered exactly once: one "still in the queue" notice per message.
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE conversation_id = ? AND payload LIKE '%still in the queue%'")
                .param(id.value()).query(Long.class).single()).isEqualTo(total);
    }

    @Test
    void aStaleCopyOfAConversationCannotOverwriteANewerOne() {
        var customer = new ChannelAddress(RecordingChannel.NAME, "stale-" + UUID.randomUUID());
        ConversationId id = conversations.receive(new Inbound(customer, "first", new Text("Hi"), Optional.empty()))
                .conversation().orElseThrow();
        Conversation stale = repository.findById(id.value()).orElseThrow();
        conversations.receive(new Inbound(customer, "second", new Button(QuickReply.PERSON), Optional.empty()));

        stale.take(Trigger.of(ConversationEvent.ENDED), new Decision(true, ConversationState.AWAITING_RATING, List.of()), Optional.empty(),
                Instant.now());
        assertThatThrownBy(() -> repository.save(stale))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.QUEUED);
    }
}
