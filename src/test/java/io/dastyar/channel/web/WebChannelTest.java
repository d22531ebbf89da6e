package io.dastyar.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import io.dastyar.conversation.Author;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.channel.Channel;
import io.dastyar.conversation.channel.Delivery;
import io.dastyar.conversation.channel.Reply;

/** Whether a reply counts as delivered depends on where the visitor is connected. */
class WebChannelTest {

    private final WidgetSessions sessions = new WidgetSessions(JsonMapper.builder().build(), new SimpleMeterRegistry());
    private final WebChannel channel = new WebChannel(sessions, java.time.Clock.systemUTC());
    private final VisitorId visitor = VisitorId.random();

    @Test
    void aVisitorConnectedHereGetsTheReplyAtOnce() throws Exception {
        List<String> frames = new ArrayList<>();
        sessions.add(visitor, new WidgetSessions.Connection() {
            @Override
            public void send(String json) {
                frames.add(json);
            }

            @Override
            public void close() {
            }
        });

        channel.deliver(delivery(1));

        assertThat(frames).singleElement().asString().contains("\"type\":\"message\"", "\"author\":\"bot\"", "Hello");
    }

    @Test
    void aVisitorWithTooManyConnectionsLosesTheOldest() throws Exception {
        var closed = new ArrayList<Integer>();
        var received = new ArrayList<Integer>();
        for (int i = 0; i <= WidgetSessions.MAX_CONNECTIONS_PER_VISITOR; i++) {
            int number = i;
            sessions.add(visitor, new WidgetSessions.Connection() {
                @Override
                public void send(String json) {
                    received.add(number);
                }

                @Override
                public void close() {
                    closed.add(number);
                }
            });
        }

        channel.deliver(delivery(1));

        assertThat(closed).containsExactly(0);
        assertThat(received).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aVisitorNotConnectedHereIsLeftForAnotherInstanceAFewTimesThenToTheHistory() throws Exception {
        for (int attempt = 1; attempt < WebChannel.ATTEMPTS_BEFORE_HISTORY; attempt++) {
            int tried = attempt;
            assertThatThrownBy(() -> channel.deliver(delivery(tried))).isInstanceOf(Channel.NotHere.class);
        }
        // Then it counts as delivered: the history holds it.
        assertThatCode(() -> channel.deliver(delivery(WebChannel.ATTEMPTS_BEFORE_HISTORY))).doesNotThrowAnyException();
    }

    private Delivery delivery(int attempt) {
        return new Delivery(7, new ConversationId(UUID.randomUUID()), 42, visitor.toString(), Author.BOT,
                Reply.message("Hello"), Optional.of(ConversationState.BOT), Instant.now(), attempt);
    }
}
