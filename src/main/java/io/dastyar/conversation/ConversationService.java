package io.dastyar.conversation;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

import io.dastyar.conversation.channel.ChannelFile;
import io.dastyar.conversation.channel.EditReceipt;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.Receipt;
import io.dastyar.conversation.channel.Reply;

/**
 * The conversation feature's API, kept thin: customers' messages go to {@link CustomerMessages}, agents' and
 * timers' events to {@link Steps} in a transaction of their own, and queries straight to the stores.
 */
@Service
class ConversationService implements Conversations {

    private final CustomerMessages customerMessages;
    private final Steps steps;
    private final ConversationTransactions transactions;
    private final ConversationRepository conversations;
    private final Transcript transcript;
    private final Channels channels;
    private final QueueBoard queueBoard;
    private final ConversationProperties properties;
    private final MessageEdits edits;
    private final AttachmentFiles files;

    ConversationService(CustomerMessages customerMessages, Steps steps, ConversationTransactions transactions,
                        ConversationRepository conversations, Transcript transcript, Channels channels,
                        QueueBoard queueBoard, ConversationProperties properties,
                        MessageEdits edits, AttachmentFiles files) {
        this.customerMessages = customerMessages;
        this.steps = steps;
        this.transactions = transactions;
        this.conversations = conversations;
        this.transcript = transcript;
        this.channels = channels;
        this.queueBoard = queueBoard;
        this.properties = properties;
        this.edits = edits;
        this.files = files;
    }

    @Override
    public Receipt receive(Inbound inbound) {
        return customerMessages.receive(inbound);
    }

    @Override
    public boolean fire(ConversationId id, ConversationEvent event) {
        if (event.origin() != ConversationEvent.Origin.AGENT && event.origin() != ConversationEvent.Origin.TIMER) {
            throw new IllegalArgumentException(event + " comes from the customer: use receive()");
        }
        Trigger trigger = Trigger.of(event);
        return transactions.run(() -> steps.takeAndSave(id, trigger));
    }

    @Override
    public boolean assign(ConversationId id, String agentName) {
        Trigger trigger = new Trigger.AgentJoined(agentName);
        return transactions.run(() -> steps.takeAndSave(id, trigger));
    }

    @Override
    public OptionalLong sendFromAgent(ConversationId id, String agentName, String text) {
        if (text.isBlank() || text.length() > properties.maxMessageLength()) {
            throw new IllegalArgumentException("A message is 1 to " + properties.maxMessageLength() + " characters");
        }
        Reply reply = Reply.fromAgent(agentName, text);
        return transactions.run(() -> steps.postFromAgent(id, reply));
    }

    @Override
    public void showTyping(ConversationId id, Author who) {
        conversations.findById(id.value()).ifPresent(conversation -> channels.named(conversation.customer().channel())
                .ifPresent(channel -> channel.typing(conversation.customer().recipient(), id, who)));
    }

    @Override
    public Optional<ConversationSummary> find(ConversationId id) {
        return conversations.findById(id.value()).map(Conversation::summary);
    }

    @Override
    public Optional<ConversationSummary> latest(ChannelAddress customer) {
        return conversations.findFirstByChannelAndRecipientOrderByCreatedAtDesc(customer.channel(), customer.recipient())
                .map(Conversation::summary);
    }

    @Override
    public List<ConversationSummary> history(ChannelAddress customer, int limit) {
        return conversations.findByChannelAndRecipientOrderByCreatedAtDesc(customer.channel(), customer.recipient(),
                Limit.of(limit)).stream().map(Conversation::summary).toList();
    }

    @Override
    public List<ConversationSummary> inStates(Set<ConversationState> states) {
        return conversations.findByStateInOrderByUpdatedAt(states).stream().map(Conversation::summary).toList();
    }

    @Override
    public List<TranscriptEntry> transcript(ConversationId id) {
        return transcript.of(id);
    }

    @Override
    public Optional<Reply> queueStatus(ConversationId id) {
        return queueBoard.current(id);
    }

    @Override
    public int maxMessageLength() {
        return properties.maxMessageLength();
    }

    @Override
    public EditReceipt edit(ChannelAddress customer, String clientMessageId, String newText) {
        return edits.edit(customer, clientMessageId, newText);
    }

    @Override
    public Optional<ChannelFile> attachmentFile(ConversationId id, long line) throws IOException {
        return files.of(id, line);
    }
}
