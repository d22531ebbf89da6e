package io.dastyar.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.handoff.Customers;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.HandoffTest;
import io.dastyar.handoff.Presence;
import io.dastyar.support.Browser;
import io.dastyar.support.ScriptedAnswers;
import io.dastyar.support.TestPostgres;
import io.dastyar.system.Language;

/**
 * In a real (headless) Chromium: an admin adds a canned response on the admin page (a taken shortcut is refused
 * first); a supervisor sees a colleague's chat among all chats, reads the customer panel (earlier conversation,
 * the bot's answers, no invented local time), takes the chat over and answers with the new canned response.
 */
@Tag("browser")
@HandoffTest
class SupervisorBrowserTest {

    private static final String PASSWORD = "supervisor test password";
    private static final String DELIVERY = "How long does delivery take?";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Conversations conversations;
    @Autowired
    Handoff handoff;
    @Autowired
    ScriptedAnswers answers;
    @Autowired
    JdbcClient jdbc;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Customers customers;
    private String alice;
    private String sue;
    private final String shortcut = "ship" + UUID.randomUUID().toString().substring(0, 4);

    @BeforeEach
    void setUp() {
        customers = new Customers(conversations, jdbc);
        customers.cleanSlate();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = "alice-" + suffix;
        sue = "sue-" + suffix;
        accounts.create(new NewUser(alice, "Alice Ahmadi", PASSWORD, Role.AGENT));
        accounts.create(new NewUser(sue, "Sue Supervisor", PASSWORD, Role.SUPERVISOR));
        answers.teach(DELIVERY, new Answer("delivery-time", Language.EN, "Delivery time", "Two to four days.", 0.82,
                false));
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminAddsACannedResponseAndASupervisorTakesOverAColleaguesChatAndUsesIt() {
        signIn("admin", TestPostgres.ADMIN_PASSWORD);
        addCannedResponse("hello");
        assertThat(browser.findElement(By.cssSelector("form.canned-form .error")).getText())
                .contains("This language already has /hello.");
        Browser.screenshot(browser, "admin-canned-responses-error-en");
        browser.findElement(By.name("shortcut")).clear();
        addCannedResponse(shortcut);
        assertThat(browser.findElement(By.cssSelector("p.ok")).getText()).isEqualTo("Added /" + shortcut + ".");
        browser.get(url("/admin/canned-responses?locale=fa"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("پاسخ‌های آماده");
        Browser.screenshot(browser, "admin-canned-responses-fa");
        browser.get(url("/admin/agents?locale=fa"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Alice Ahmadi", "هنوز میز کار را باز نکرده");
        Browser.screenshot(browser, "admin-agents-fa");
        browser.get(url("/admin/agents?locale=en"));
        browser.findElement(By.cssSelector("a[href='/admin/agents/" + alice + "']")).click();
        Browser.screenshot(browser, "admin-agent-en");
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        browser.findElement(By.xpath("//form[@action='/logout']//button")).click();

        ConversationId current = customerWithAHistory();
        signIn(sue, PASSWORD);
        browser.get(url("/agent?locale=en"));
        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".all-item[data-conversation='" + current + "']")));
        assertThat(item.getText()).contains("With Alice Ahmadi");
        item.findElement(By.className("open")).click();
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-banner")));
        assertThat(banner.getText()).contains("Alice Ahmadi’s chat");
        assertThat(browser.findElement(By.id("composer-text")).isEnabled()).isFalse();
        WebElement past = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("past")));
        wait.until(ExpectedConditions.textToBePresentInElement(past, DELIVERY));
        assertThat(past.getText()).contains("Delivery time", "Rating: 5 of 5", "Thanks");
        assertThat(browser.findElement(By.id("bot-turns")).getText()).contains("Where is my parcel?",
                "no answer good enough");
        assertThat(browser.findElement(By.id("customer-facts")).getText())
                .contains("Unknown: this channel does not tell us");
        Browser.screenshot(browser, "supervisor-console-en");

        item.findElement(By.className("reassign")).click();
        Select target = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reassign-target"))));
        target.selectByValue(sue);
        browser.findElement(By.id("reassign-confirm")).click();
        // The modal dialog closes once the call is answered; until then the page behind it takes no keys.
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reassign-dialog")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".chat-item[data-conversation='" + current + "']")));
        await().atMost(Duration.ofSeconds(10)).until(() -> handoff.holds(sue, current));
        assertThat(handoff.holds(alice, current)).isFalse();

        WebElement composer = wait.until(ExpectedConditions.elementToBeClickable(By.id("composer-text")));
        composer.sendKeys("/" + shortcut.substring(0, 6));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#canned li[aria-selected=true]")));
        composer.sendKeys(Keys.ENTER);
        assertThat(composer.getDomProperty("value")).isEqualTo("Your parcel ships today. Sue Supervisor");
        composer.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        wait.until(driver -> driver.findElements(By.cssSelector("#transcript .msg.agent .text")).stream()
                .anyMatch(line -> line.getText().contains("Your parcel ships today.")));

        browser.get(url("/agent?locale=fa"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("all-section")));
        assertThat(browser.findElement(By.id("all-title")).getText()).contains("همهٔ گفتگوها");
        browser.findElement(By.cssSelector(".chat-item[data-conversation='" + current + "']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-facts"), "نامعلوم"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("past"), "۵ از ۵"));
        Browser.screenshot(browser, "supervisor-console-fa");
    }

    /** Alice helped the customer once (a rating of 5), and holds their second conversation now. */
    private ConversationId customerWithAHistory() {
        handoff.presence(alice, Presence.ONLINE);
        ChannelAddress customer = Customers.someone();
        ConversationId first = customers.say(customer, Language.EN, DELIVERY).conversation().orElseThrow();
        press(customer, QuickReply.PERSON);
        await().atMost(Duration.ofSeconds(10)).until(() -> handoff.holds(alice, first));
        conversations.fire(first, ConversationEvent.RESOLVED);
        customers.rateAndClose(customer);
        ConversationId second = customers.say(customer, Language.EN, "Where is my parcel?").conversation().orElseThrow();
        press(customer, QuickReply.PERSON);
        await().atMost(Duration.ofSeconds(10)).until(() -> handoff.holds(alice, second));
        return second;
    }

    private void addCannedResponse(String shortcut) {
        browser.get(url("/admin/canned-responses?locale=en"));
        new Select(browser.findElement(By.name("language"))).selectByValue("EN");
        browser.findElement(By.name("shortcut")).sendKeys(shortcut);
        browser.findElement(By.name("title")).sendKeys("Shipping today");
        browser.findElement(By.name("text")).sendKeys("Your parcel ships today. {agentName}");
        browser.findElement(By.cssSelector("form.canned-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    private void press(ChannelAddress customer, String button) {
        conversations.receive(new Inbound(customer, UUID.randomUUID().toString(), new Inbound.Button(button),
                Optional.empty()));
    }

    private void signIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
