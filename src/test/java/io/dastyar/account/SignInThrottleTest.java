package io.dastyar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dastyar.support.MutableClock;
import io.dastyar.support.PostgresTest;

/**
 * Password guessing is slowed down per username and per client address, on the form and over HTTP Basic, and
 * never for good. Each test uses usernames and addresses of its own, so the buckets of one do not reach another.
 */
@PostgresTest
class SignInThrottleTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    WebApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    AccountProperties properties;
    @Autowired
    MutableClock clock;

    private MockMvc mvc;
    private String agent;
    private String address;
    private int allowance;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        agent = newAgent();
        address = newAddress();
        allowance = properties.signIn().attemptsPerAccount();
    }

    @Test
    void afterTooManyWrongPasswordsEvenTheRightOneIsRefusedUntilTheAllowanceRefills() throws Exception {
        for (int i = 0; i < allowance; i++) {
            signIn(agent, "wrong password " + i, address).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }

        MockHttpSession session = new MockHttpSession();
        signIn(agent, PASSWORD, address, session).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        String page = mvc.perform(get("/login?error").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("Too many attempts; try again in \\d+ seconds")
                .doesNotContain("Wrong username or password")
                .contains("value=\"" + agent + "\""); // the form keeps the username
        assertThat(seconds(page)).isBetween(1L, properties.signIn().accountRefill().toSeconds());

        clock.advance(properties.signIn().accountRefill());
        signIn(agent, PASSWORD, address).andExpect(authenticated().withUsername(agent));
    }

    @Test
    void aWrongPasswordSaysSoPlainly() throws Exception {
        MockHttpSession session = new MockHttpSession();
        signIn(agent, "wrong password", address, session).andExpect(redirectedUrl("/login?error"));
        assertThat(mvc.perform(get("/login?error").session(session)).andReturn().getResponse().getContentAsString())
                .contains("Wrong username or password.").doesNotContain("Too many attempts");
    }

    @Test
    void httpBasicGets429WithRetryAfter() throws Exception {
        for (int i = 0; i < allowance; i++) {
            mvc.perform(get("/actuator/prometheus").with(httpBasic(agent, "wrong password " + i)).with(from(address)))
                    .andExpect(status().isUnauthorized()).andExpect(header().exists("WWW-Authenticate"));
        }
        var refused = mvc.perform(get("/actuator/prometheus").with(httpBasic(agent, PASSWORD)).with(from(address)))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse();
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, properties.signIn().accountRefill().toSeconds());

        clock.advance(properties.signIn().accountRefill());
        // The password is right and the allowance back: authenticated, and then forbidden, as agents are here.
        mvc.perform(get("/actuator/prometheus").with(httpBasic(agent, PASSWORD)).with(from(address)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherAccountAndAnotherAddressAreUnaffected() throws Exception {
        for (int i = 0; i <= allowance; i++) {
            signIn(agent, "wrong password " + i, address);
        }
        signIn(agent, PASSWORD, address).andExpect(unauthenticated());

        String colleague = newAgent();
        signIn(colleague, PASSWORD, address).andExpect(authenticated().withUsername(colleague));

        // Another address, and yet a limit per address: many usernames tried from one address slow it down.
        String guesser = newAddress();
        int perAddress = properties.signIn().attemptsPerAddress();
        for (int i = 0; i < perAddress; i++) {
            signIn("nobody-" + UUID.randomUUID(), "guess " + i, guesser).andExpect(unauthenticated());
        }
        String another = newAgent();
        signIn(another, PASSWORD, guesser).andExpect(unauthenticated());
        signIn(another, PASSWORD, newAddress()).andExpect(authenticated().withUsername(another));
    }

    @Test
    void successfulSignInsDoNotCount() throws Exception {
        for (int i = 0; i < allowance * 3; i++) {
            signIn(agent, PASSWORD, address).andExpect(authenticated());
        }
        for (int i = 0; i < allowance - 1; i++) {
            signIn(agent, "wrong password " + i, address).andExpect(unauthenticated());
        }
        signIn(agent, PASSWORD, address).andExpect(authenticated());
    }

    @Test
    void usernamesDifferingOnlyInLetterCaseShareOneAllowance() throws Exception {
        for (int i = 0; i < allowance; i++) {
            signIn(i % 2 == 0 ? agent.toUpperCase() : agent, "wrong password " + i, address);
        }
        signIn(agent, PASSWORD, address).andExpect(unauthenticated());
    }

    private ResultActions signIn(String username, String password, String from) throws Exception {
        return signIn(username, password, from, new MockHttpSession());
    }

    private ResultActions signIn(String username, String password, String from, MockHttpSession session) throws Exception {
        return mvc.perform(post("/login").session(session).param("username", username).param("password", password)
                .with(csrf()).with(from(from)));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String newAgent() {
        String name = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(name, "Throttled Agent", PASSWORD, Role.AGENT));
        return name;
    }

    /** Documentation addresses (TEST-NET-3), one per use, never 127.0.0.1 that other tests sign in from. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
    }

    private static long seconds(String page) {
        var matcher = java.util.regex.Pattern.compile("try again in (\\d+) seconds").matcher(page);
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
