package io.dastyar.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dastyar.channel.telegram.BotApiStub.Call;
import io.dastyar.support.TestPostgres;
import io.dastyar.support.TestSupportConfig;

/**
 * Proactive notices end to end: customers opt in and out in Telegram (the real client against the stub), an admin
 * sends a notice for one language from the admin page, it reaches only that language's subscribers through the
 * outbound queue, and each recipient's result (a blocked bot among them) is recorded and shown.
 */
@SpringBootTest(properties = {
        "support.telegram.token=4545:NOTICES-token",
        "support.telegram.poll-timeout=1s",
        "support.telegram.lease=6s",
        "support.knowledge-base.semantic.enabled=false"})
@Import(TestSupportConfig.class)
class TelegramNoticesTest {

    private static final BotApiStub STUB = new BotApiStub();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(2_500_000);
    private static final AtomicLong CHATS = new AtomicLong(2_700_000);
    private static final Duration SEEN = Duration.ofSeconds(30);
    private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("support.telegram.api-url", STUB::url);
        registry.add("spring.datasource.url", () -> TestPostgres.ownDatabase("telegram_notices"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("support.account.initial-admin-password", () -> TestPostgres.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        // Each test sends to the subscribers it made.
        jdbc.sql("UPDATE telegram_chat SET subscribed_at = NULL").update();
    }

    @Test
    void aNoticeReachesOnlySubscribersInItsLanguageAndEachResultIsRecorded() throws Exception {
        long english = CHATS.incrementAndGet();
        long persian = CHATS.incrementAndGet();
        long leftAgain = CHATS.incrementAndGet();
        long neverAsked = CHATS.incrementAndGet();
        long blockedLater = CHATS.incrementAndGet();
        long choseEnglish = CHATS.incrementAndGet();

        say(english, "en", "/subscribe");
        assertThat(nextMessage(english, 0).text()).contains("you'll get our notices");
        say(persian, "fa", "/subscribe");
        assertThat(nextMessage(persian, 0).text()).contains("اطلاعیه‌های ما");
        say(leftAgain, "en", "/subscribe");
        nextMessage(leftAgain, 0);
        say(leftAgain, "en", "/unsubscribe@SupportBot");
        assertThat(nextMessage(leftAgain, 1).text()).contains("no more notices");
        say(neverAsked, "en", "/start");
        nextMessage(neverAsked, 0);
        say(blockedLater, "en", "/subscribe");
        nextMessage(blockedLater, 0);
        STUB.block(blockedLater);
        // Subscribed reading Azerbaijani, then chose English with /language: English notices are theirs.
        say(choseEnglish, "az", "/subscribe");
        nextMessage(choseEnglish, 0);
        jdbc.sql("UPDATE telegram_chat SET language = 'en' WHERE chat_id = ?").param(choseEnglish).update();

        String location = mvc.perform(post("/admin/telegram/notices").with(ADMIN).with(csrf())
                        .param("language", "EN").param("text", "Planned outage tonight 22:00–23:00 <UTC> & no orders then."))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/admin/telegram/notices/*"))
                .andReturn().getResponse().getRedirectedUrl();

        String html = "Planned outage tonight 22:00–23:00 &lt;UTC&gt; &amp; no orders then.";
        await().atMost(SEEN).until(() -> STUB.calls("sendMessage", call -> call.text().equals(html)).size() == 2);
        assertThat(STUB.calls("sendMessage", call -> call.text().equals(html))).extracting(Call::chat)
                .containsExactlyInAnyOrder(english, choseEnglish);
        long notice = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(SEEN).until(() -> results(notice).stream().noneMatch(result -> result.startsWith("PENDING")
                || result.startsWith("SENDING")));
        assertThat(results(notice)).containsExactlyInAnyOrder(english + " SENT", choseEnglish + " SENT",
                blockedLater + " FAILED");
        assertThat(STUB.to(persian)).hasSize(1);
        assertThat(STUB.to(leftAgain)).hasSize(2);
        assertThat(STUB.to(neverAsked)).hasSize(1);

        String page = mvc.perform(get(location).with(ADMIN)).andExpect(status().isOk())
                .andExpect(header().doesNotExist("Refresh")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Finished: 2 sent, 1 failed.", "data-chat=\"" + blockedLater + "\" data-status=\"FAILED\"",
                "The customer blocked the bot.", "Planned outage tonight 22:00–23:00 &lt;UTC&gt; &amp; no orders then.");
        String list = page("/admin/telegram/notices?locale=fa");
        assertThat(list).contains("dir=\"rtl\"", "اطلاعیه‌های تلگرام", "۲ فرستاده شد، ۱ ناموفق، ۰ در انتظار");
    }

    @Test
    void aNoticeInProgressShowsItsCountsAndRefreshes() throws Exception {
        long waiting = CHATS.incrementAndGet();
        say(waiting, "ar", "/subscribe");
        nextMessage(waiting, 0);
        // A reply due in an hour holds the chat's queue, so the notice waits behind it.
        jdbc.sql("INSERT INTO telegram_outbound (chat_id, kind, text, next_attempt_at, created_at) VALUES (?, 'SEND', 'hold', now() + INTERVAL '1 hour', now())")
                .param(waiting).update();
        String location = mvc.perform(post("/admin/telegram/notices").with(ADMIN).with(csrf())
                        .param("language", "AR").param("text", "انقطاع مجدول الليلة"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location + "?locale=ar").with(ADMIN)).andExpect(status().isOk())
                .andExpect(header().string("Refresh", "3")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("أُرسل ٠، وفشل ٠، وينتظر ١", "<progress");
        jdbc.sql("DELETE FROM telegram_outbound WHERE chat_id = ?").param(waiting).update();
    }

    @Test
    void anEmptyOrTooLongNoticeIsRefusedWithAClearMessageAndNothingIsSent() throws Exception {
        long before = notices();
        String empty = mvc.perform(post("/admin/telegram/notices").with(ADMIN).with(csrf()).param("language", "EN")
                .param("text", "   ")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("Write the notice first: it is empty.");
        String tooLong = mvc.perform(post("/admin/telegram/notices").with(ADMIN).with(csrf()).param("language", "EN")
                        .param("text", "x".repeat(4097))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(tooLong).contains("Too long for one Telegram message: at most 4,096 characters.");
        String noLanguage = mvc.perform(post("/admin/telegram/notices").with(ADMIN).with(csrf()).param("language", "DE")
                .param("text", "Hello")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noLanguage).contains("Choose one of the four languages.");
        assertThat(notices()).isEqualTo(before);
        mvc.perform(post("/admin/telegram/notices").with(user("agent").roles("AGENT")).with(csrf()).param("language", "EN")
                .param("text", "Hello")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/telegram/notices").with(ADMIN).param("language", "EN").param("text", "Hello"))
                .andExpect(status().isForbidden());
        assertThat(notices()).isEqualTo(before);
    }

    @Test
    void theCommandMenuOffersSubscribingInEveryLanguage() {
        await().atMost(SEEN).until(() -> STUB.calls("setMyCommands", call -> true).size() >= 5);
        assertThat(STUB.calls("setMyCommands", call -> call.body().path("language_code").asString("").equals("fa")))
                .first().satisfies(call -> assertThat(call.body().path("commands").toString())
                        .contains("\"subscribe\"", "\"unsubscribe\"", "دریافت اطلاعیه‌ها"));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long notices() {
        return jdbc.sql("SELECT count(*) FROM telegram_notice").query(Long.class).single();
    }

    private List<String> results(long notice) {
        return jdbc.sql("SELECT chat_id, status FROM telegram_outbound WHERE notice_id = ?").param(notice)
                .query((rs, row) -> rs.getLong(1) + " " + rs.getString(2)).list();
    }

    private static void say(long chat, String language, String text) {
        STUB.push(BotApiStub.text(UPDATE_IDS.incrementAndGet(), chat, language, text));
    }

    private static Call nextMessage(long chat, int n) {
        return await().atMost(SEEN).until(() -> STUB.calls("sendMessage", call -> call.chat() == chat),
                calls -> calls.size() > n).get(n);
    }
}
