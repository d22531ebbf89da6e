package io.dastyar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.containsString;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dastyar.support.PostgresTest;
import io.dastyar.support.TestPostgres;

/** Both sides of sign-in, through the real security filter chain, user store and BCrypt. */
@PostgresTest
class SignInTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    WebApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private MockMvc mvc;
    private String agent;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(agent, "Sara Agent", PASSWORD, Role.AGENT));
    }

    @Test
    void customerFacingPagesAndHealthArePublic() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(content().string(
                containsString("UP")));
        mvc.perform(get("/actuator/info")).andExpect(status().isOk());
    }

    @Test
    void agentAndAdminAreasSendStrangersToSignIn() throws Exception {
        for (String area : new String[] {"/agent", "/admin/users"}) {
            mvc.perform(get(area).accept("text/html")).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAgentSignsInWithTheRightPasswordOnly() throws Exception {
        mvc.perform(formLogin().user(agent).password("wrong password!")).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));

        var session = (MockHttpSession) mvc.perform(formLogin().user(agent).password(PASSWORD))
                .andExpect(authenticated().withRoles("AGENT"))
                .andExpect(redirectedUrl("/agent"))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/agent").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Signed in as")));
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void usernamesAreUniqueWhateverTheirLetterCase() throws Exception {
        String mixed = "Mixed-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(mixed, "Mixed Case", PASSWORD, Role.AGENT));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(
                        new NewUser(mixed.toLowerCase(), "Again", PASSWORD, Role.AGENT)))
                .isInstanceOf(Accounts.UsernameTakenException.class);
        mvc.perform(formLogin().user(mixed.toUpperCase()).password(PASSWORD)).andExpect(authenticated());
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = jdbc.sql("SELECT password_hash FROM user_account WHERE username = ?").param(agent)
                .query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
    }

    @Test
    void theFirstAdminComesFromTheEnvironmentAndCanAddAnAgentWhoCanThenSignIn() throws Exception {
        var admin = (MockHttpSession) mvc.perform(formLogin().user("admin").password(TestPostgres.ADMIN_PASSWORD))
                .andExpect(authenticated().withRoles("ADMIN")).andReturn().getRequest().getSession();
        String newAgent = "new-" + UUID.randomUUID().toString().substring(0, 8);

        mvc.perform(post("/admin/users").session(admin).param("username", newAgent).param("displayName", "Reza")
                        .param("password", "short").param("role", "AGENT").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be 10 to 128 characters")));
        assertThat(accounts.byUsername(newAgent)).isEmpty();

        mvc.perform(post("/admin/users").session(admin).param("username", newAgent).param("displayName", "Reza")
                        .param("password", "a long enough password").param("role", "AGENT"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/admin/users").session(admin).param("username", newAgent).param("displayName", "Reza")
                        .param("password", "a long enough password").param("role", "AGENT").with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(formLogin().user(newAgent).password("a long enough password"))
                .andExpect(authenticated().withRoles("AGENT"));

        mvc.perform(post("/admin/users").session(admin).param("username", newAgent).param("displayName", "Again")
                        .param("password", "a long enough password").param("role", "ADMIN").with(csrf()))
                .andExpect(content().string(containsString("is taken")));
    }

    @Test
    void metricsNeedAnAdmin() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(httpBasic(agent, PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", TestPostgres.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }
}
