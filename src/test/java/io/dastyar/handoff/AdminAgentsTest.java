package io.dastyar.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.system.Language;

/** Admins set each agent's capacity, languages and teams on a page, and routing goes by what they set. */
@HandoffTest
class AdminAgentsTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Handoff handoff;
    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;

    private MockMvc mvc;
    private Customers customers;
    private String agent;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        customers = new Customers(conversations, jdbc);
        customers.cleanSlate();
        agent = "lina-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(agent, "Lina Karimi", "a long enough password", Role.AGENT));
    }

    @Test
    void settingsSavedForAnAgentWhoNeverOpenedTheConsoleDecideWhatRoutingGivesThem() throws Exception {
        assertThat(html(get("/admin/agents").with(as("ADMIN")))).contains("Lina Karimi", "Never opened the console",
                "/admin/agents/" + agent, "aria-current=\"page\"");
        assertThat(html(get("/admin/agents/" + agent).with(as("ADMIN")))).contains("Routing settings of Lina Karimi",
                "name=\"capacity\"", "value=\"3\"");

        mvc.perform(post("/admin/agents/" + agent).with(as("ADMIN")).with(csrf()).param("capacity", "1")
                .param("languages", "FA").param("teams", "billing, VIP desk, billing")).andExpect(redirectedUrl("/admin/agents"));
        AgentStatus status = handoff.status(agent).orElseThrow();
        assertThat(status.capacity()).isEqualTo(1);
        assertThat(status.languages()).containsExactly(Language.FA);
        assertThat(status.teams()).containsExactlyInAnyOrder("billing", "VIP desk");
        assertThat(status.presence()).isEqualTo(Presence.OFFLINE);
        assertThat(handoff.teams()).contains("billing", "VIP desk");
        assertThat(html(get("/admin/agents").with(as("ADMIN")).header("Accept-Language", "fa")))
                .contains("<html lang=\"fa\" dir=\"rtl\">", "آفلاین", "VIP desk");

        // Online, they keep the admin's settings: an English customer is not theirs, a Persian one is; one at a time.
        handoff.presence(agent, Presence.ONLINE);
        assertThat(handoff.status(agent).orElseThrow().capacity()).isEqualTo(1);
        ConversationId english = customers.asksForPerson(Customers.someone(), Language.EN);
        ConversationId persian = customers.asksForPerson(Customers.someone(), Language.FA);
        ConversationId persianToo = customers.asksForPerson(Customers.someone(), Language.FA);
        await().atMost(Duration.ofSeconds(10)).until(() -> handoff.holds(agent, persian));
        Thread.sleep(1_500);
        assertThat(handoff.holds(agent, english)).isFalse();
        assertThat(handoff.holds(agent, persianToo)).isFalse();

        mvc.perform(post("/admin/agents/" + agent).with(as("ADMIN")).with(csrf()).param("capacity", "3")
                .param("languages", "FA", "EN").param("teams", "")).andExpect(redirectedUrl("/admin/agents"));
        await().atMost(Duration.ofSeconds(10)).until(() -> handoff.holds(agent, english) && handoff.holds(agent, persianToo));
        assertThat(handoff.status(agent).orElseThrow().teams()).isEmpty();
    }

    @Test
    void mistakesAreNamedInTheAdminsLanguageAndNothingChanges() throws Exception {
        assertThat(save("0", Set.of("EN"), "", "en")).contains("At least 1 chat.");
        assertThat(save("51", Set.of("EN"), "", "en")).contains("At most 50 chats.");
        assertThat(save("three", Set.of("EN"), "", "en")).contains("Write a whole number from 1 to 50.");
        assertThat(save("", Set.of("EN"), "", "en")).contains("Fill this in.");
        assertThat(save("2", Set.of(), "", "en")).contains("Choose at least one language.");
        assertThat(save("2", Set.of("EN"), "billing, <script>", "en"))
                .contains("“&lt;script&gt;” cannot be a team name");
        assertThat(save("2", Set.of("EN"), "x".repeat(65), "en")).contains("cannot be a team name");
        assertThat(save("0", Set.of(), "", "fa")).contains("دست‌کم ۱ گفتگو.", "دست‌کم یک زبان را انتخاب کنید.");
        assertThat(save("0", Set.of("EN"), "", "ar")).contains("محادثة واحدة على الأقل.");
        assertThat(save("0", Set.of("EN"), "", "az")).contains("Ən azı 1 söhbət.");
        assertThat(handoff.status(agent)).isEmpty();
        mvc.perform(get("/admin/agents/nobody-" + UUID.randomUUID()).with(as("ADMIN"))).andExpect(status().isNotFound());
    }

    @Test
    void onlyAdminsChangeRoutingAndTheFormNeedsItsCsrfToken() throws Exception {
        for (String role : new String[] {"AGENT", "SUPERVISOR"}) {
            mvc.perform(get("/admin/agents").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/agents/" + agent).with(as(role)).with(csrf()).param("capacity", "9")
                    .param("languages", "EN")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/agents/" + agent).with(as("ADMIN")).param("capacity", "9").param("languages", "EN"))
                .andExpect(status().isForbidden());
        assertThat(handoff.status(agent)).isEmpty();
    }

    private String save(String capacity, Set<String> languages, String teams, String locale) throws Exception {
        return html(post("/admin/agents/" + agent).with(as("ADMIN")).with(csrf()).header("Accept-Language", locale)
                .param("capacity", capacity).param("languages", languages.toArray(String[]::new)).param("teams", teams));
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    private static RequestPostProcessor as(String role) {
        return user("someone-" + role.toLowerCase()).roles(role);
    }
}
