package io.dastyar.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;

interface ConversationRepository extends ListCrudRepository<Conversation, UUID> {

    Optional<Conversation> findByOpenKey(String openKey);

    Optional<Conversation> findFirstByChannelAndRecipientOrderByCreatedAtDesc(String channel, String recipient);

    List<Conversation> findByChannelAndRecipientOrderByCreatedAtDesc(String channel, String recipient, Limit limit);

    List<Conversation> findByStateInOrderByUpdatedAt(Collection<ConversationState> states);
}
