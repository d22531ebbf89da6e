package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.channel.Inbound;
import io.dastyar.support.PostgresTest;
import io.dastyar.support.RecordingChannel;
import io.dastyar.system.Language;

/** The Flyway migrations on a real PostgreSQL, and what the schema itself guarantees. */
@PostgresTest
class SchemaTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConversationRepository repository;
    @Autowired
    Conversations conversations;

    @Test
    void everyMigrationRanOnPostgres() throws IOException {
        assertThat(jdbc.sql("SELECT version() ").query(String.class).single()).startsWith("PostgreSQL");
        List<String> shipped = Arrays.stream(new PathMatchingResourcePatternResolver()
                        .getResources("classpath:db/migration/V*__*.sql"))
                .map(resource -> resource.getFilename().substring(1, resource.getFilename().indexOf("__")))
                .sorted(Comparator.comparingInt(Integer::parseInt))
                .toList();
        assertThat(shipped).isNotEmpty();
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list()).isEqualTo(shipped);
    }

    @Test
    void theAggregateRoundTripsWithItsVersion() {
        var customer = new ChannelAddress(RecordingChannel.NAME, "round-" + UUID.randomUUID());
        Conversation saved = repository.save(Conversation.open(customer, Language.AZ, Instant.now()));

        Conversation loaded = repository.findByOpenKey(customer.key()).orElseThrow();
        assertThat(loaded.id()).isEqualTo(saved.id());
        assertThat(loaded.language()).isEqualTo(Language.AZ);
        assertThat(loaded.state()).isEqualTo(ConversationState.BOT);
        assertThat(loaded.customer()).isEqualTo(customer);
    }

    @Test
    void aCustomerHasAtMostOneOpenConversationPerChannel() {
        var customer = new ChannelAddress(RecordingChannel.NAME, "twice-" + UUID.randomUUID());
        repository.save(Conversation.open(customer, Language.EN, Instant.now()));
        assertThatThrownBy(() -> repository.save(Conversation.open(customer, Language.EN, Instant.now())))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theTranscriptIsAppendOnlyAndKeepsCustomerTextVerbatim() {
        var customer = new ChannelAddress(RecordingChannel.NAME, "verbatim-" + UUID.randomUUID());
        String payload = "<script>alert('x')</script> سلام ۱۲۳";
        ConversationId id = conversations.receive(new Inbound(customer, "1", new Inbound.Text(payload), Optional.empty()))
                .conversation().orElseThrow();
        assertThat(conversations.transcript(id).getFirst().text()).isEqualTo(payload);
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE conversation_id = ?").param(id.value())
                .query(Long.class).single()).isEqualTo(2L);
    }
}
