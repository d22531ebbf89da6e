package io.dastyar.support;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.channel.Channel;
import io.dastyar.conversation.channel.ChannelFile;
import io.dastyar.conversation.channel.Delivery;
import io.dastyar.conversation.channel.Reply;

/**
 * A real {@link Channel} for tests: it keeps what it is handed. At each delivery it also reads, on its own
 * connection, how many customer messages of that conversation are committed, so tests can check that no
 * reply ever leaves before the message that caused it is stored.
 */
public class RecordingChannel implements Channel {

    public static final String NAME = "test";
    /** A channel like SMS: no buttons, so replies end in numbered choices. */
    public static final String PLAIN = "plain";

    public record Received(Delivery delivery, long committedInboundMessages) {
    }

    /** A queue status shown in place: not a delivery, not in the transcript. */
    public record QueueStatus(ConversationId conversation, String text) {
    }

    private final JdbcClient jdbc;
    private final String name;
    private final boolean drawsButtons;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<QueueStatus> queueStatuses = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> failuresToInject = new ConcurrentHashMap<>();
    private final Map<String, ChannelFile> files = new ConcurrentHashMap<>();
    private final Set<String> unreachableFiles = ConcurrentHashMap.newKeySet();

    RecordingChannel(JdbcClient jdbc, String name, boolean drawsButtons) {
        this.jdbc = jdbc;
        this.name = name;
        this.drawsButtons = drawsButtons;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean drawsButtons() {
        return drawsButtons;
    }

    @Override
    public void deliver(Delivery delivery) {
        AtomicInteger failures = failuresToInject.get(delivery.recipient());
        if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("injected failure");
        }
        long inbound = jdbc.sql("SELECT count(*) FROM message WHERE conversation_id = ? AND direction = 'IN'")
                .param(delivery.conversation().value()).query(Long.class).single();
        received.add(new Received(delivery, inbound));
    }

    @Override
    public void showQueueStatus(String recipient, ConversationId conversation, Reply status) {
        queueStatuses.add(new QueueStatus(conversation, status.text()));
    }

    /** The files customers sent, by reference: what {@link #file(String)} hands over. */
    @Override
    public Optional<ChannelFile> file(String reference) throws IOException {
        if (unreachableFiles.contains(reference)) {
            throw new IOException("injected failure: the channel cannot fetch " + reference);
        }
        return Optional.ofNullable(files.get(reference));
    }

    /** A file a customer sends under this reference. */
    public void keepFile(String reference, ChannelFile file) {
        files.put(reference, file);
    }

    /** Fetching the file under this reference fails, as with a channel that is down. */
    public void makeUnreachable(String reference) {
        unreachableFiles.add(reference);
    }

    /** The queue statuses shown to that customer in place, oldest first. */
    public List<String> queueStatusesOf(ConversationId conversation) {
        return queueStatuses.stream().filter(s -> s.conversation().equals(conversation)).map(QueueStatus::text).toList();
    }

    /** The next deliveries to this recipient fail, as a channel that is briefly down would. */
    public void failNext(String recipient, int deliveries) {
        failuresToInject.put(recipient, new AtomicInteger(deliveries));
    }

    public List<Received> to(ConversationId conversation) {
        return received.stream().filter(r -> r.delivery().conversation().equals(conversation)).toList();
    }
}
