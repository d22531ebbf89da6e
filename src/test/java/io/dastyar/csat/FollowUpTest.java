package io.dastyar.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.handoff.Handoff;
import io.dastyar.support.MutableClock;
import io.dastyar.support.PostgresTest;
import io.dastyar.support.ScriptedAnswers;
import io.dastyar.system.Language;

/**
 * An unhappy customer followed up: the low rating opens an item with the comment, the reason, the agent and the
 * articles the bot offered; a supervisor assigns it, notes what was done and closes it; an item left open too long
 * is flagged. Only supervisors and admins see the page, and its forms need the CSRF token.
 */
@PostgresTest
class FollowUpTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Conversations conversations;
    @Autowired
    Handoff handoff;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ScriptedAnswers scripted;
    @Autowired
    FollowUpQueries queries;

    private MockMvc mvc;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aLowRatingIsFollowedUpAssignedNotedFlaggedAndClosed() throws Exception {
        String agent = account("agent", "Sara Rahimi", Role.AGENT);
        String supervisor = account("lead", "Maryam Karimi", Role.SUPERVISOR);
        ConversationId id = unhappyCustomer(agent);

        FollowUp item = queries.all(false).stream().filter(f -> f.conversation().equals(id)).findFirst().orElseThrow();
        assertThat(item.score()).isEqualTo(1);
        assertThat(item.comment()).contains("Nobody could tell me where my parcel is");
        assertThat(item.reason()).contains("slow");
        assertThat(item.agent()).contains(agent);
        assertThat(item.articles()).containsExactly("Where is my parcel? (follow-up)");
        assertThat(item.overdue()).isFalse();

        String page = mvc.perform(get("/supervisor/follow-ups").with(as(supervisor, "SUPERVISOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nobody could tell me where my parcel is", "Sara Rahimi", "It took too long",
                "Where is my parcel? (follow-up)", "name=\"_csrf\"", "href=\"/supervisor/follow-ups\"");

        mvc.perform(post("/supervisor/follow-ups/{id}/assign", item.id()).param("assignee", supervisor)
                .with(as(supervisor, "SUPERVISOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/supervisor/follow-ups/{id}/assign", item.id()).param("assignee", supervisor)
                .with(as(supervisor, "SUPERVISOR")).with(csrf())).andExpect(redirectedUrl("/supervisor/follow-ups"));
        mvc.perform(post("/supervisor/follow-ups/{id}/note", item.id()).param("text", "Called her, parcel found")
                .with(as(supervisor, "SUPERVISOR")).with(csrf())).andExpect(redirectedUrl("/supervisor/follow-ups"));

        clock.advance(Duration.ofHours(49));
        FollowUp late = queries.find(item.id()).orElseThrow();
        assertThat(late.overdue()).isTrue();
        assertThat(late.assignee()).contains(supervisor);
        assertThat(late.notes()).extracting(FollowUp.Note::text).containsExactly("Called her, parcel found");
        String flagged = mvc.perform(get("/supervisor/follow-ups").param("locale", "fa").with(as(supervisor, "SUPERVISOR")))
                .andReturn().getResponse().getContentAsString();
        assertThat(flagged).contains("dir=\"rtl\"", "بیش از ۴۸ ساعت باز مانده", "مشتریان ناراضی");

        mvc.perform(post("/supervisor/follow-ups/{id}/close", item.id()).param("text", "Refund of the delivery fee")
                .with(as(supervisor, "ADMIN")).with(csrf())).andExpect(redirectedUrl("/supervisor/follow-ups"));
        FollowUp closed = queries.find(item.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(FollowUp.Status.CLOSED);
        assertThat(closed.overdue()).isFalse();
        assertThat(closed.closedBy()).contains(supervisor);
        assertThat(closed.notes()).extracting(FollowUp.Note::text)
                .containsExactly("Called her, parcel found", "Refund of the delivery fee");
        assertThat(queries.all(false)).noneMatch(f -> f.id() == item.id());
        assertThat(queries.all(true)).anyMatch(f -> f.id() == item.id());
        mvc.perform(post("/supervisor/follow-ups/{id}/close", item.id()).with(as(supervisor, "SUPERVISOR")).with(csrf()))
                .andExpect(redirectedUrl("/supervisor/follow-ups"));
        assertThat(queries.find(item.id()).orElseThrow().closedAt()).isEqualTo(closed.closedAt());
    }

    @Test
    void onlySupervisorsAndAdminsOpenThePageAndARatingOfThreeOpensNothing() throws Exception {
        mvc.perform(get("/supervisor/follow-ups").with(as("someone", "AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/supervisor/follow-ups").with(as("boss", "ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/supervisor/follow-ups").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());

        var neutral = new SurveyCustomer(conversations, jdbc, Language.EN);
        neutral.say("/end");
        neutral.press("rate:3");
        assertThat(jdbc.sql("SELECT count(*) FROM csat_follow_up WHERE conversation_id = ?")
                .param(neutral.conversation().value()).query(Integer.class).single()).isZero();
    }

    /** Asks a question the bot answers, gets an agent, and rates the help 1 with a reason and a comment. */
    private ConversationId unhappyCustomer(String agent) {
        scripted.teach("Where is my parcel? (follow-up)", new Answer("parcel-" + suffix, Language.EN,
                "Where is my parcel? (follow-up)", "Track it in your account.", 0.9, false));
        var customer = new SurveyCustomer(conversations, jdbc, Language.EN);
        ConversationId id = customer.say("Where is my parcel? (follow-up)").conversation().orElseThrow();
        customer.press(QuickReply.PERSON);
        assertThat(handoff.claim(agent, id)).isEqualTo(Handoff.Outcome.DONE);
        assertThat(handoff.resolve(agent, id)).isEqualTo(Handoff.Outcome.DONE);
        customer.press("rate:1");
        customer.press("reason:slow");
        assertThat(customer.lastReply().text()).contains("noted");
        customer.say("Nobody could tell me where my parcel is");
        return id;
    }

    private String account(String role, String name, Role as) {
        String username = role + "-" + suffix;
        accounts.create(new NewUser(username, name, "a-long-enough-password", as));
        return username;
    }

    private static RequestPostProcessor as(String username, String role) {
        return user(username).roles(role);
    }
}
