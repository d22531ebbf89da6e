package io.dastyar.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.QueueOutlook;
import io.dastyar.conversation.QueueOutlook.Closed;
import io.dastyar.conversation.QueueOutlook.NobodyOnline;
import io.dastyar.conversation.QueueOutlook.Outlook;
import io.dastyar.conversation.QueueOutlook.Waiting;
import io.dastyar.handoff.eta.EtaSettings;
import io.dastyar.support.MutableClock;
import io.dastyar.system.Language;

/** What hand-off tells a waiting customer: closed, nobody online, or a wait range, on PostgreSQL. */
@HandoffTest
class QueueOutlookTest {

    @Autowired
    QueueOutlook outlook;
    @Autowired
    HandoffService handoff;
    @Autowired
    AgentStore agentStore;
    @Autowired
    RoutingProperties routing;
    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    private Customers customers;

    @BeforeEach
    void nobodyAround() {
        customers = new Customers(conversations, jdbc);
        customers.cleanSlate();
    }

    @Test
    void withNobodyOnlineNoWaitIsPromised() {
        customers.asksForPerson(Customers.someone(), Language.EN);
        Outlook told = outlookOfNewcomer(Language.EN);
        assertThat(told).isEqualTo(new NobodyOnline(2));
    }

    @Test
    void agentsWhoDoNotSpeakTheLanguageDoNotCount() {
        agent(2, Set.of(Language.EN));
        assertThat(outlookOfNewcomer(Language.FA)).isEqualTo(new NobodyOnline(1));
    }

    @Test
    void aFreeSlotMeansLessThanAMinute() {
        agent(2, Set.of(Language.EN));
        Outlook told = outlookOfNewcomer(Language.EN);
        assertThat(told).isInstanceOfSatisfying(Waiting.class, waiting -> {
            assertThat(waiting.place()).isEqualTo(1);
            assertThat(waiting.expected()).hasValueSatisfying(wait -> assertThat(wait.underAMinute()).isTrue());
        });
    }

    @Test
    void withEverySlotBusyTheWaitIsARange() {
        // Chats other tests handled in a flash fall out of the window: the desk's defaults make the estimate.
        clock.advance(EtaSettings.DEFAULTS.window().plusMinutes(5));
        String agent = agent(1, Set.of(Language.EN));
        ConversationId first = customers.asksForPerson(Customers.someone(), Language.EN);
        await().atMost(Duration.ofSeconds(10)).until(() -> handoff.holds(agent, first));
        customers.asksForPerson(Customers.someone(), Language.EN);

        Outlook told = outlookOfNewcomer(Language.EN);
        assertThat(told).isInstanceOfSatisfying(Waiting.class, waiting -> {
            assertThat(waiting.place()).isEqualTo(2);
            assertThat(waiting.expected()).hasValueSatisfying(wait -> {
                assertThat(wait.underAMinute()).isFalse();
                assertThat(wait.toMinutes()).isGreaterThan(wait.fromMinutes() + 1);
            });
        });
    }

    @Test
    void aCustomerBackInTheQueueKeepsTheirPlace() {
        ConversationId first = customers.asksForPerson(Customers.someone(), Language.EN);
        customers.asksForPerson(Customers.someone(), Language.EN);
        // Asked again later, as on a transfer: the row's own time counts, not the later one.
        Outlook told = outlook.outlook(first, Language.EN, clock.instant().plusSeconds(60), clock.instant());
        assertThat(told.place()).isEqualTo(1);
    }

    @Test
    void aCustomerWaitsOnlyBehindThoseWhoWaitForTheSameLanguage() {
        customers.asksForPerson(Customers.someone(), Language.EN);
        ConversationId persian = customers.asksForPerson(Customers.someone(), Language.FA);
        customers.asksForPerson(Customers.someone(), Language.EN);

        QueueOutlook.Board board = outlook.board(clock.instant());
        assertThat(board.outlook(persian, Language.FA, clock.instant()).place()).isEqualTo(1);
        assertThat(board.outlook(new ConversationId(UUID.randomUUID()), Language.EN, clock.instant()).place())
                .as("a newcomer goes behind both English customers").isEqualTo(3);
        assertThat(board.outlook(new ConversationId(UUID.randomUUID()), Language.FA, clock.instant()).place())
                .isEqualTo(2);
    }

    @Test
    void outsideBusinessHoursTheCustomerIsToldWhenTheTeamOpens() {
        var hours = Schedules.hours("UTC", Schedules.days(Schedules.MORNING, DayOfWeek.MONDAY));
        var text = new OpeningText(ZoneOffset.UTC, HandoffProperties.ArabicCalendar.GREGORIAN);
        var closedDesk = new QueueOutlookService(jdbc, agentStore, hours, text, routing, EtaSettings.DEFAULTS);
        agent(2, Set.of(Language.EN));
        Instant tuesdayEvening = Schedules.at("2026-12-08T20:00", "UTC");

        Outlook told = closedDesk.outlook(new ConversationId(UUID.randomUUID()), Language.EN, tuesdayEvening,
                tuesdayEvening);
        assertThat(told).isEqualTo(new Closed(1, "Monday, 14 December at 09:00"));
        assertThat(((Closed) closedDesk.outlook(new ConversationId(UUID.randomUUID()), Language.FA, tuesdayEvening,
                tuesdayEvening)).opening()).contains("۰۹:۰۰");
    }

    private Outlook outlookOfNewcomer(Language language) {
        Instant now = clock.instant();
        return outlook.outlook(new ConversationId(UUID.randomUUID()), language, now, now);
    }

    private String agent(int capacity, Set<Language> languages) {
        String name = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        handoff.presence(name, Presence.AWAY);
        handoff.configure(name, capacity, languages, Set.of());
        handoff.presence(name, Presence.ONLINE);
        return name;
    }
}
