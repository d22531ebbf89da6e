package io.dastyar.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.handoff.Handoff.Outcome;
import io.dastyar.support.MutableClock;
import io.dastyar.support.RecordingChannel;
import io.dastyar.system.Language;

/** Routing, claims and presence against PostgreSQL, with the real conversation state machine. */
@HandoffTest
class RoutingTest {

    private static final Duration ROUTED = Duration.ofSeconds(10);

    @Autowired
    HandoffService handoff;
    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    RecordingChannel channel;

    private Customers customers;

    @BeforeEach
    void nobodyAround() {
        customers = new Customers(conversations, jdbc);
        customers.cleanSlate();
    }

    @Test
    void anAgentIsGivenNoMoreChatsThanTheirCapacity() throws Exception {
        String agent = agent(2, Set.of(Language.EN));
        List<ConversationId> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(customers.asksForPerson(Customers.someone(), Language.EN));
        }
        await().atMost(ROUTED).until(() -> handoff.chatsOf(agent).size() == 2);
        Thread.sleep(1_500); // a sweep later, still two
        assertThat(handoff.chatsOf(agent)).extracting(HeldChat::conversation)
                .containsExactly(waiting.get(0), waiting.get(1));
        assertThat(handoff.queue()).extracting(WaitingChat::conversation).containsExactly(waiting.get(2));
        assertThat(handoff.status(agent).orElseThrow().load()).isEqualTo(2);
        assertThat(state(waiting.get(2))).isEqualTo(ConversationState.QUEUED);
    }

    @Test
    void aChatGoesOnlyToAnAgentWhoSpeaksItsLanguage() {
        String english = agent(3, Set.of(Language.EN));
        String persian = agent(3, Set.of(Language.FA));
        ConversationId fa = customers.asksForPerson(Customers.someone(), Language.FA);
        ConversationId en = customers.asksForPerson(Customers.someone(), Language.EN);

        await().atMost(ROUTED).until(() -> handoff.holds(persian, fa) && handoff.holds(english, en));
        assertThat(handoff.chatsOf(english)).extracting(HeldChat::conversation).containsExactly(en);
        assertThat(handoff.chatsOf(persian)).extracting(HeldChat::conversation).containsExactly(fa);
    }

    @Test
    void aChatNobodyCanServeDoesNotHoldUpThoseBehindIt() throws Exception {
        String english = agent(3, Set.of(Language.EN));
        ConversationId arabic = customers.asksForPerson(Customers.someone(), Language.AR);
        ConversationId behind = customers.asksForPerson(Customers.someone(), Language.EN);

        await().atMost(ROUTED).until(() -> handoff.holds(english, behind));
        Thread.sleep(1_500);
        assertThat(handoff.queue()).extracting(WaitingChat::conversation, WaitingChat::place)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(arabic, 1));
    }

    @Test
    void whenAnAgentFreesUpTheOldestWaitingChatIsOfferedFirstAndNewerOnesNeverJumpTheQueue() {
        String agent = agent(1, Set.of(Language.EN));
        ConversationId first = customers.asksForPerson(Customers.someone(), Language.EN);
        await().atMost(ROUTED).until(() -> handoff.holds(agent, first));
        ConversationId a = customers.asksForPerson(Customers.someone(), Language.EN);
        ConversationId b = customers.asksForPerson(Customers.someone(), Language.EN);
        ConversationId c = customers.asksForPerson(Customers.someone(), Language.EN);
        assertThat(handoff.queue()).extracting(WaitingChat::conversation).containsExactly(a, b, c);

        assertThat(handoff.resolve(agent, first)).isEqualTo(Outcome.DONE);
        await().atMost(ROUTED).until(() -> handoff.holds(agent, a));
        assertThat(handoff.queue()).extracting(WaitingChat::conversation, WaitingChat::place)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(b, 1), org.assertj.core.groups.Tuple.tuple(c, 2));

        assertThat(handoff.resolve(agent, a)).isEqualTo(Outcome.DONE);
        await().atMost(ROUTED).until(() -> handoff.holds(agent, b));
        assertThat(handoff.queue()).extracting(WaitingChat::conversation).containsExactly(c);
        assertThat(state(c)).isEqualTo(ConversationState.QUEUED);
    }

    @Test
    void aReturningCustomerIsOfferedToTheAgentWhoHelpedThemWithinTheGraceTimeAndNotAfter() {
        ChannelAddress returning = Customers.someone();
        String helper = agent(3, Set.of(Language.EN));
        ConversationId before = customers.asksForPerson(returning, Language.EN);
        await().atMost(ROUTED).until(() -> handoff.holds(helper, before));
        assertThat(handoff.resolve(helper, before)).isEqualTo(Outcome.DONE);
        customers.rateAndClose(returning);

        // The helper is busier than a colleague, who would get the chat by load alone.
        ConversationId keepsHelperBusy = customers.asksForPerson(Customers.someone(), Language.EN);
        await().atMost(ROUTED).until(() -> handoff.holds(helper, keepsHelperBusy));
        String colleague = agent(3, Set.of(Language.EN));

        ConversationId again = customers.asksForPerson(returning, Language.EN);
        await().atMost(ROUTED).until(() -> handoff.holds(helper, again) || handoff.holds(colleague, again));
        assertThat(handoff.holds(helper, again)).as("sticky within the grace time").isTrue();
        assertThat(handoff.resolve(helper, again)).isEqualTo(Outcome.DONE);
        customers.rateAndClose(returning);

        clock.advance(Duration.ofMinutes(3)); // past the sticky grace (2m here), within the heartbeat grace (10m)
        handoff.presence(helper, Presence.ONLINE);
        handoff.presence(colleague, Presence.ONLINE);
        ConversationId later = customers.asksForPerson(returning, Language.EN);
        await().atMost(ROUTED).until(() -> handoff.holds(helper, later) || handoff.holds(colleague, later));
        assertThat(handoff.holds(colleague, later)).as("by load once the grace time is over").isTrue();
    }

    @Test
    void ofTwoAgentsClaimingTheSameChatAtOnceExactlyOneGetsIt() throws Exception {
        // Away: they take chats by claiming only, so routing does not hand the chat to either first.
        String one = agent(3, Set.of(Language.EN), Presence.AWAY);
        String two = agent(3, Set.of(Language.EN), Presence.AWAY);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                ConversationId chat = customers.asksForPerson(Customers.someone(), Language.EN);
                var barrier = new CyclicBarrier(2);
                Future<Outcome> first = threads.submit(() -> {
                    barrier.await();
                    return handoff.claim(one, chat);
                });
                Future<Outcome> second = threads.submit(() -> {
                    barrier.await();
                    return handoff.claim(two, chat);
                });
                assertThat(List.of(first.get(), second.get())).as("round " + round)
                        .containsExactlyInAnyOrder(Outcome.DONE, Outcome.TAKEN_BY_ANOTHER);
                assertThat(handoff.holds(one, chat) ^ handoff.holds(two, chat)).isTrue();
                assertThat(state(chat)).isEqualTo(ConversationState.WITH_AGENT);
                handoff.resolve(first.get() == Outcome.DONE ? one : two, chat);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void claimsRespectCapacityAndSayWhyTheyAreRefused() {
        String agent = agent(1, Set.of(Language.EN), Presence.AWAY);
        ConversationId first = customers.asksForPerson(Customers.someone(), Language.EN);
        ConversationId second = customers.asksForPerson(Customers.someone(), Language.EN);

        assertThat(handoff.claim(agent, first)).isEqualTo(Outcome.DONE);
        assertThat(handoff.claim(agent, first)).isEqualTo(Outcome.NOT_WAITING);
        assertThat(handoff.claim(agent, second)).isEqualTo(Outcome.AGENT_FULL);
        assertThat(handoff.claim(agent, new ConversationId(UUID.randomUUID()))).isEqualTo(Outcome.UNKNOWN_CONVERSATION);
        assertThat(handoff.resolve(agent, first)).isEqualTo(Outcome.DONE);
        assertThat(handoff.resolve(agent, first)).isEqualTo(Outcome.ALREADY_CLOSED);
        assertThat(handoff.claim(agent, second)).isEqualTo(Outcome.DONE);
        assertThat(logOf(first)).containsExactly("QUEUED", "ASSIGNED", "RESOLVED");
    }

    @Test
    void anAgentWhoseConsoleFallsSilentHasTheirChatsSentBackToTheFrontOfTheQueue() {
        String silent = agent(1, Set.of(Language.EN));
        ConversationId held = customers.asksForPerson(Customers.someone(), Language.EN);
        await().atMost(ROUTED).until(() -> handoff.holds(silent, held));
        Instant queuedAt = handoff.chatsOf(silent).getFirst().queuedAt();
        ConversationId behind = customers.asksForPerson(Customers.someone(), Language.EN);

        clock.advance(Duration.ofMinutes(11)); // past the heartbeat grace (10m here)

        await().atMost(ROUTED).until(() -> state(held) == ConversationState.QUEUED);
        assertThat(handoff.status(silent).orElseThrow().presence()).isEqualTo(Presence.OFFLINE);
        assertThat(handoff.queue()).extracting(WaitingChat::conversation, WaitingChat::place, WaitingChat::waitingSince)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(held, 1, queuedAt),
                        org.assertj.core.groups.Tuple.tuple(behind, 2, handoff.queue().get(1).waitingSince()));
        assertThat(logOf(held)).containsExactly("QUEUED", "ASSIGNED", "REQUEUED");
        await().atMost(ROUTED).until(() -> channel.to(held).stream().map(r -> r.delivery().reply())
                .map(Reply::text).anyMatch(text -> text.contains("colleague")));

        String colleague = agent(1, Set.of(Language.EN));
        await().atMost(ROUTED).until(() -> handoff.holds(colleague, held));
        assertThat(handoff.queue()).extracting(WaitingChat::conversation).containsExactly(behind);
    }

    @Test
    void anAgentWhoGoesOfflineHasTheirChatsRequeuedAndATransferWaitsForItsTarget() {
        String leaving = agent(3, Set.of(Language.EN));
        ConversationId held = customers.asksForPerson(Customers.someone(), Language.EN);
        await().atMost(ROUTED).until(() -> handoff.holds(leaving, held));

        String teammate = agent(3, Set.of(Language.EN), Presence.AWAY);
        handoff.configure(teammate, 3, Set.of(Language.EN), Set.of("billing"));
        assertThat(handoff.teams()).contains("billing");
        assertThat(handoff.transfer(leaving, held, new TransferTarget.Team("refunds"))).isEqualTo(Outcome.UNKNOWN_TEAM);
        assertThat(handoff.transfer(leaving, held, new TransferTarget.Agent("nobody-" + UUID.randomUUID())))
                .isEqualTo(Outcome.UNKNOWN_AGENT);
        assertThat(handoff.transfer(leaving, held, new TransferTarget.Agent(teammate))).isEqualTo(Outcome.AGENT_OFFLINE);
        assertThat(handoff.transfer(leaving, held, new TransferTarget.Team("billing"))).isEqualTo(Outcome.DONE);
        assertThat(handoff.queue()).singleElement().satisfies(waiting -> {
            assertThat(waiting.conversation()).isEqualTo(held);
            assertThat(waiting.target()).contains(new TransferTarget.Team("billing"));
        });
        assertThat(handoff.holds(leaving, held)).isFalse();
        assertThat(handoff.claim(leaving, held)).as("left for the billing team").isEqualTo(Outcome.MEANT_FOR_ANOTHER);

        handoff.presence(teammate, Presence.ONLINE);
        await().atMost(ROUTED).until(() -> handoff.holds(teammate, held));
        handoff.presence(teammate, Presence.OFFLINE);
        assertThat(state(held)).isEqualTo(ConversationState.QUEUED);
        await().atMost(ROUTED).until(() -> handoff.holds(leaving, held)); // the team's target no longer binds
        assertThat(logOf(held)).containsExactly("QUEUED", "ASSIGNED", "TRANSFERRED", "ASSIGNED", "REQUEUED", "ASSIGNED");
    }

    private String agent(int capacity, Set<Language> languages) {
        return agent(capacity, languages, Presence.ONLINE);
    }

    private String agent(int capacity, Set<Language> languages, Presence presence) {
        String name = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        handoff.presence(name, Presence.AWAY);
        handoff.configure(name, capacity, languages, Set.of());
        handoff.presence(name, presence);
        return name;
    }

    private ConversationState state(ConversationId id) {
        return conversations.find(id).orElseThrow().state();
    }

    private List<String> logOf(ConversationId id) {
        return jdbc.sql("SELECT kind FROM handoff_log WHERE conversation_id = ? ORDER BY id").param(id.value())
                .query(String.class).list();
    }
}
