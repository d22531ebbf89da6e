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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.conversation.Author;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.CustomerTyping;
import io.dastyar.handoff.AgentStatus;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.HandoffTest;
import io.dastyar.handoff.Presence;
import io.dastyar.support.Browser;
import io.dastyar.support.RecordingChannel;
import io.dastyar.system.Language;

/**
 * An agent works a chat in the workspace in a real (headless) Chromium against a real server, hand-off and agent API:
 * a customer appears in the queue live, the agent takes the chat (while away, so the router leaves it to them) or,
 * online, is given it by the router; reads and answers, notes and resolves it.
 */
@Tag("browser")
@HandoffTest
class WorkspaceBrowserTest {

    private static final String PASSWORD = "workspace test password";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Conversations conversations;
    @Autowired
    Handoff handoff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    RecordingChannel channel;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private String agent;

    @BeforeEach
    void setUp() {
        new io.dastyar.handoff.Customers(conversations, jdbc).cleanSlate();
        agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(agent, "Sara Karimi", PASSWORD, Role.AGENT));
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
    void anAgentTakesAChatAnswersItWithACannedResponseNotesAndResolvesIt() {
        signInAndOpen("en");
        // Away, the router gives them nothing: they take chats from the queue themselves.
        setPresence(Presence.AWAY);
        var customer = new TestCustomer(conversations, Language.EN);
        ConversationId chat = customer.askForPerson("Where is my order? It was due last week");

        WebElement waiting = wait.until(ExpectedConditions.visibilityOfElementLocated(queueItem(chat)));
        assertThat(waiting.getText()).contains("#1").contains("English");
        String waitedFirst = waiting.findElement(By.className("wait")).getText();
        wait.until(driver -> !driver.findElement(queueItem(chat)).findElement(By.className("wait")).getText()
                .equals(waitedFirst));

        waiting.findElement(By.className("take")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(queueItem(chat)));
        transcriptLine("customer", "Where is my order?");
        assertThat(browser.findElement(By.cssSelector(".chat-item[aria-current=true]")).getDomAttribute("data-conversation"))
                .isEqualTo(chat.toString());
        assertThat(browser.findElement(By.id("bot-part")).getText()).contains("Where is my order?");

        // The customer writes on, in Persian and in HTML: it shows live, as text, right to left where it should.
        customer.say("سلام، سفارشم هنوز نرسیده");
        customer.say("<img src=x onerror=\"window.__xss=1\"><b>bold?</b>");
        WebElement persian = transcriptLine("customer", "سفارشم هنوز نرسیده");
        assertThat(persian.getDomAttribute("dir")).isEqualTo("auto");
        assertThat(persian.getCssValue("direction")).isEqualTo("rtl");
        transcriptLine("customer", "<img src=x onerror=\"window.__xss=1\"><b>bold?</b>");
        assertThat(browser.findElements(By.cssSelector("#transcript img, #transcript b"))).isEmpty();
        assertThat(browser.executeScript("return window.__xss === undefined")).isEqualTo(true);

        publisher.publishEvent(new CustomerTyping(customer.address));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#customer-typing .typing-text")));

        // A canned response by its shortcut, then Ctrl+Enter sends it to the customer.
        WebElement composer = browser.findElement(By.id("composer-text"));
        composer.sendKeys("/ref");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#canned li[aria-selected=true]")));
        composer.sendKeys(Keys.ENTER);
        assertThat(composer.getDomProperty("value")).startsWith("I've started your refund.")
                .doesNotContain("{customerName}").doesNotContain("/ref");
        composer.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        transcriptLine("agent", "I've started your refund.");
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.to(chat).stream()
                .anyMatch(r -> r.delivery().author() == Author.AGENT
                        && r.delivery().reply().text().startsWith("I've started your refund.")
                        && "Sara Karimi".equals(r.delivery().reply().agentName())));

        composer.sendKeys("Customer asked twice already, be kind");
        browser.findElement(By.id("add-note")).click();
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".msg.note")));
        assertThat(note.getText()).contains("only agents see this").contains("be kind");
        assertThat(channel.to(chat)).noneMatch(r -> r.delivery().reply().text().contains("be kind"));

        // A second waiting customer, for the screenshot's queue.
        var another = new TestCustomer(conversations, Language.FA);
        ConversationId next = another.askForPerson("سلام، کد تخفیفم کار نمی‌کند");
        wait.until(ExpectedConditions.visibilityOfElementLocated(queueItem(next)));
        Browser.screenshot(browser, "agent-workspace-en");

        browser.findElement(By.id("resolve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resolve-confirm"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".chat-item[data-conversation='" + chat + "']")));
        assertThat(conversations.find(chat).orElseThrow().state()).isEqualTo(ConversationState.AWAITING_RATING);
        assertThat(browser.findElement(By.id("chat-empty")).isDisplayed()).isTrue();
    }

    @Test
    void thePersianWorkspaceIsRightToLeftWithPersianDigits() {
        var customer = new TestCustomer(conversations, Language.FA);
        ConversationId chat = customer.askForPerson("سلام، می‌خواهم سفارشم را لغو کنم");
        customer.say("شماره سفارش ۴۵۸۲۱ است");

        // Online on opening the console: the router gives the waiting chat to the agent.
        signInAndOpen("fa");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".chat-item[data-conversation='" + chat + "']")));
        assertThat(handoff.holds(agent, chat)).isTrue();
        // Away now, so the next customer stays in the queue for the screenshot.
        setPresence(Presence.AWAY);
        var waiting = new TestCustomer(conversations, Language.EN);
        ConversationId other = waiting.askForPerson("Can I change my delivery address?");

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.id("queue-title")).getText()).contains("در انتظار");
        wait.until(ExpectedConditions.visibilityOfElementLocated(queueItem(other)));
        assertThat(browser.findElement(queueItem(other)).findElement(By.className("wait")).getText())
                .containsPattern("[۰-۹]").doesNotContainPattern("[0-9]");

        browser.findElement(By.cssSelector(".chat-item[data-conversation='" + chat + "']")).click();
        transcriptLine("customer", "شماره سفارش ۴۵۸۲۱ است");
        browser.findElement(By.id("composer-text")).sendKeys("سلام، بله حتماً. همین الان بررسی می‌کنم.");
        browser.findElement(By.id("composer-text")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        transcriptLine("agent", "همین الان بررسی می‌کنم");
        Browser.screenshot(browser, "agent-workspace-fa");

        // Narrower: two columns, the customer panel behind a button, nothing cut off.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(900, 800));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("customer-panel")));
        browser.findElement(By.id("toggle-customer")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-panel")));
        assertThat(browser.findElement(By.id("send")).isDisplayed()).isTrue();
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(900L);
        Browser.screenshot(browser, "agent-workspace-fa-narrow");
        browser.findElement(By.id("close-customer")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("customer-panel")));
    }

    private void signInAndOpen(String lang) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.name("username")).sendKeys(agent);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/agent"));
        browser.get("http://localhost:" + port + "/agent?locale=" + lang);
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        // The console says the agent is online as it opens.
        await().atMost(Duration.ofSeconds(10)).until(() -> presence().equals(Optional.of(Presence.ONLINE)));
    }

    /** Switches the console's presence and waits until hand-off has it. */
    private void setPresence(Presence presence) {
        new Select(browser.findElement(By.id("presence"))).selectByValue(presence.name());
        await().atMost(Duration.ofSeconds(10)).until(() -> presence().equals(Optional.of(presence)));
    }

    private Optional<Presence> presence() {
        return handoff.status(agent).map(AgentStatus::presence);
    }

    private static By queueItem(ConversationId chat) {
        return By.cssSelector(".queue-item[data-conversation='" + chat + "']");
    }

    /** The text of the transcript line by this author that contains this text, once it shows. */
    private WebElement transcriptLine(String author, String text) {
        return wait.until(driver -> driver.findElements(By.cssSelector("#transcript .msg." + author + " .text")).stream()
                .filter(line -> line.getText().contains(text)).findFirst().orElse(null));
    }
}
