package io.dastyar.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.dastyar.channel.telegram.OutboundStore.Kind;
import io.dastyar.channel.telegram.OutboundStore.Outgoing;
import io.dastyar.channel.telegram.OutboundStore.Queued;
import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.channel.CustomerUnreachable;

/**
 * What becomes of a message once the Bot API has answered, with the stores mocked: a network failure puts it back
 * with a back-off that doubles from 1 s to at most 5 minutes and is counted; a 429 waits retry_after without counting
 * an attempt; a block fails the chat's queue and tells the agent console once.
 */
class SendOutcomesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final long CHAT = 4242;

    private final OutboundStore outbound = mock(OutboundStore.class);
    private final TelegramChats chats = mock(TelegramChats.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SendOutcomes outcomes = new SendOutcomes(outbound, mock(KeyboardStore.class), chats, mock(BotApi.class),
            Clock.fixed(NOW, ZoneOffset.UTC), meters, events);

    @Test
    void theBackOffDoublesFromOneSecondToFiveMinutes() {
        assertThat(SendOutcomes.backOff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SendOutcomes.backOff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SendOutcomes.backOff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(SendOutcomes.backOff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(SendOutcomes.backOff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SendOutcomes.backOff(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aNetworkFailureIsRetriedAfterTheBackOffOfItsAttemptAndCounted() {
        var refused = new CompletionException(new ConnectException("Connection refused"));
        outcomes.settle(row(7, 0), null, refused);
        outcomes.settle(row(8, 3), null, refused);

        verify(outbound).retryLater(eq(7L), eq(NOW.plusSeconds(1)), anyString(), eq(true));
        verify(outbound).retryLater(eq(8L), eq(NOW.plusSeconds(8)), anyString(), eq(true));
        verify(outbound, never()).failed(any(Long.class), anyString());
        assertThat(meters.counter("dastyar.telegram.sends", "result", "network").count()).isEqualTo(2);
    }

    @Test
    void aBlockedChatFailsItsQueueAndTheAgentIsToldOnce() {
        when(chats.markUnreachable(CHAT, NOW)).thenReturn(true).thenReturn(false);
        outcomes.blocked(row(9, 0), "[403] forbidden: bot was blocked by the user");
        outcomes.blocked(row(10, 0), "chat blocked the bot earlier");

        verify(outbound, times(2)).failChat(eq(CHAT), anyString());
        verify(outbound).failed(eq(9L), anyString());
        verify(outbound).failed(eq(10L), anyString());
        verify(events).publishEvent(new CustomerUnreachable(new ChannelAddress("telegram", String.valueOf(CHAT)), NOW));
        verify(events, times(1)).publishEvent(any(Object.class));
    }

    private static Queued row(long id, int attempts) {
        return new Queued(id, new Outgoing(null, 0, CHAT, null, Kind.SEND, "Hello", null, null), attempts);
    }
}
