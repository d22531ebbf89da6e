package io.dastyar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dastyar.support.PostgresTest;
import io.dastyar.support.TestPostgres;

/**
 * Every staff page shares one header: the links the user's roles allow, their display name, a sign-out button;
 * people land where their role works, and the sign-in page is the product's own, in their language.
 */
@PostgresTest
class StaffNavigationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String[] ADMIN_PAGES = {"/admin/knowledge", "/admin/knowledge/try",
            "/admin/knowledge/unanswered", "/admin/users"};

    @Autowired
    WebApplicationContext context;
    @Autowired
    Accounts accounts;

    private MockMvc mvc;
    private String agent;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        agent = "nav-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(agent, "Sara Rahimi", PASSWORD, Role.AGENT));
    }

    @Test
    void agentsSeeTheirConsoleAndTheirNameButNoAdminLinks() throws Exception {
        MockHttpSession session = signIn(agent, PASSWORD, "/agent");
        String console = page("/agent", session);
        assertThat(header(console)).contains("href=\"/agent\"", "Signed in as Sara Rahimi", "action=\"/logout\"",
                "name=\"_csrf\"").doesNotContain("/admin/users", "/admin/knowledge");
        assertThat(console).contains("aria-current=\"page\"");
        for (String page : ADMIN_PAGES) {
            mvc.perform(get(page).session(session)).andExpect(status().isForbidden());
        }
    }

    @Test
    void adminsLandInTheKnowledgeBaseAndReachEveryStaffPageFromTheHeader() throws Exception {
        MockHttpSession session = signIn("admin", TestPostgres.ADMIN_PASSWORD, "/admin/knowledge");
        for (String page : ADMIN_PAGES) {
            String header = header(page(page, session));
            assertThat(header).as(page).contains("href=\"/agent\"", "href=\"/admin/knowledge\"",
                    "href=\"/admin/knowledge/unanswered\"", "href=\"/admin/users\"", "Signed in as Administrator");
        }
        assertThat(header(page("/agent", session))).contains("href=\"/admin/knowledge\"");
    }

    @Test
    void aPageAskedForBeforeSigningInIsWhereSigningInLeads() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/admin/users").session(session).accept("text/html")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").session(session).param("username", "admin")
                        .param("password", TestPostgres.ADMIN_PASSWORD).with(csrf()))
                .andExpect(redirectedUrlPattern("**/admin/users?continue"));
    }

    @Test
    void adminsSetDisplayNamesAndTheHeaderShowsThem() throws Exception {
        MockHttpSession admin = signIn("admin", TestPostgres.ADMIN_PASSWORD, "/admin/knowledge");
        var account = accounts.byUsername(agent).orElseThrow();

        mvc.perform(post("/admin/users/" + account.id().value() + "/display-name").session(admin)
                        .param("displayName", "Sara R.").with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(accounts.byUsername(agent).orElseThrow().displayName()).isEqualTo("Sara R.");
        mvc.perform(post("/admin/users/" + account.id().value() + "/display-name").session(admin)
                        .param("displayName", "  ").with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(accounts.byUsername(agent).orElseThrow().displayName()).isEqualTo("Sara R.");
        mvc.perform(post("/admin/users/" + account.id().value() + "/display-name").session(admin)
                .param("displayName", "Sneaky")).andExpect(status().isForbidden());

        MockHttpSession session = signIn(agent, PASSWORD, "/agent");
        assertThat(header(page("/agent", session))).contains("Signed in as Sara R.");
        mvc.perform(post("/admin/users/" + account.id().value() + "/display-name").session(session)
                .param("displayName", "Boss").with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void theSignInPageIsOursWithACsrfTokenAndSpeaksTheChosenLanguage() throws Exception {
        String english = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).contains("<html lang=\"en\" dir=\"ltr\">", "Dastyar", "name=\"_csrf\"",
                "name=\"username\"", "name=\"password\"", "href=\"/login?locale=fa\"", "/favicon.svg");

        var switched = mvc.perform(get("/login").param("locale", "fa")).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(switched.getContentAsString()).contains("<html lang=\"fa\" dir=\"rtl\">", "نام کاربری");
        assertThat(switched.getHeader("Set-Cookie")).contains("dastyar-locale=fa").contains("HttpOnly");

        // The browser's language when nothing was chosen; English when we do not speak it.
        assertThat(mvc.perform(get("/login").header("Accept-Language", "ar-EG,ar;q=0.9,en;q=0.5")).andReturn()
                .getResponse().getContentAsString()).contains("<html lang=\"ar\" dir=\"rtl\">", "كلمة المرور");
        assertThat(mvc.perform(get("/login").header("Accept-Language", "de-DE,de;q=0.9")).andReturn()
                .getResponse().getContentAsString()).contains("<html lang=\"en\" dir=\"ltr\">");
        assertThat(mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("dastyar-locale", "az"))).andReturn()
                .getResponse().getContentAsString()).contains("<html lang=\"az\" dir=\"ltr\">", "Parol");
    }

    @Test
    void signingOutLandsOnTheSignInPageSayingSo() throws Exception {
        MockHttpSession session = signIn(agent, PASSWORD, "/agent");
        mvc.perform(post("/logout").session(session).with(csrf()).accept("text/html")).andExpect(redirectedUrl("/login?logout"));
        assertThat(mvc.perform(get("/login?logout")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("You have signed out.").contains("role=\"status\"");
        mvc.perform(get("/agent").session(session).accept("text/html")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aSignOutFromAnExpiredSessionStillEndsOnTheSignInPage() throws Exception {
        // No session any more, so no CSRF token to match: nothing to sign out of, no "forbidden" either.
        mvc.perform(post("/logout").param("_csrf", "stale").accept("text/html")).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(post("/login").param("username", agent).param("password", PASSWORD).param("_csrf", "stale"))
                .andExpect(redirectedUrl("/login?expired"));
        assertThat(mvc.perform(get("/login?expired")).andReturn().getResponse().getContentAsString())
                .contains("Please sign in again");
    }

    @Test
    void signedInUsersOpeningTheSignInPageGoToTheirStartPage() throws Exception {
        MockHttpSession session = signIn(agent, PASSWORD, "/agent");
        mvc.perform(get("/login").session(session)).andExpect(redirectedUrl("/agent"));
    }

    private MockHttpSession signIn(String username, String password, String landing) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
                .andExpect(authenticated()).andExpect(redirectedUrl(landing))
                .andReturn().getRequest().getSession();
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String header(String html) {
        int start = html.indexOf("<header class=\"staff\">");
        assertThat(start).as("the shared header").isNotNegative();
        return html.substring(start, html.indexOf("</header>", start));
    }
}
