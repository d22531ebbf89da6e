package io.dastyar.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.HandoffTest;
import io.dastyar.handoff.Presence;
import io.dastyar.support.Browser;

/**
 * The whole hand-off in two browsers: a customer in the web widget, in Persian, asks for a person in words and is told
 * their place in the queue; an agent in the console is given the chat, and messages and typing flow both ways while the
 * bot stays silent; the agent transfers the chat to a colleague, who resolves it; the customer is asked the CSAT
 * question.
 */
@Tag("browser")
@HandoffTest
class HandOffEndToEndBrowserTest {

    private static final String PASSWORD = "end to end test password";

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

    private ChromeDriver customer;
    private ChromeDriver agent;
    private WebDriverWait customerWait;
    private WebDriverWait agentWait;
    private String sara;
    private String omid;

    @BeforeEach
    void setUp() {
        new io.dastyar.handoff.Customers(conversations, jdbc).cleanSlate();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        sara = "sara-" + suffix;
        omid = "omid-" + suffix;
        accounts.create(new NewUser(sara, "Sara Karimi", PASSWORD, Role.AGENT));
        accounts.create(new NewUser(omid, "Omid Rahimi", PASSWORD, Role.AGENT));
        customer = Browser.start();
        agent = Browser.start();
        customerWait = waitFor(customer);
        agentWait = waitFor(agent);
    }

    @AfterEach
    void stopBrowsers() {
        for (ChromeDriver browser : new ChromeDriver[] {customer, agent}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void aPersianCustomerIsHandedToAnAgentTransferredResolvedAndAskedForTheirRating() {
        signInToTheConsole();

        // The customer asks for a person in words, in Persian, and is told so at once, with their place.
        customer.get(url("/?lang=fa"));
        customerWait.until(ExpectedConditions.elementToBeClickable(By.id("dastyar-launcher"))).click();
        customerWait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("dastyar-frame")));
        customerWait.until(ExpectedConditions.attributeToBe(By.id("dastyar-status"), "data-state", "online"));
        type(customer, customerWait, "میخوام با اپراتور صحبت کنم");
        String status = customerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dastyar-queue-status")))
                .getText();
        assertThat(status).contains("صف").containsPattern("[۰-۹]").doesNotContainPattern("[0-9]");
        Browser.screenshot(customer, "hand-off-fa-customer-queued");

        // Sara, online, is given the chat by the router: it shows in her chats, and she opens it.
        WebElement chatItem = agentWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#chats .chat-item")));
        ConversationId id = new ConversationId(UUID.fromString(chatItem.getDomAttribute("data-conversation")));
        chatItem.click();
        transcriptLine("customer", "میخوام با اپراتور صحبت کنم");
        customerLine(".msg[data-author=system]", "Sara Karimi");

        // Messages and typing both ways; the bot says nothing while a person has the chat.
        int botLines = customer.findElements(By.cssSelector(".msg[data-author=bot]")).size();
        WebElement input = customerWait.until(ExpectedConditions.elementToBeClickable(By.id("dastyar-input")));
        // The panel tells of typing at most every 3 s; the request for a person was typed moments ago.
        customer.executeScript("lastTyping = 0");
        input.sendKeys("سفارشم دیر رسیده");
        agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#customer-typing .typing-text")));
        input.sendKeys(Keys.ENTER);
        transcriptLine("customer", "سفارشم دیر رسیده");

        WebElement composer = agent.findElement(By.id("composer-text"));
        composer.sendKeys("سلام، بررسی می‌کنم");
        customerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dastyar-typing")));
        composer.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebElement reply = customerLine(".msg[data-author=agent]", "سلام، بررسی می‌کنم");
        assertThat(reply.getText()).contains("Sara Karimi");
        assertThat(customer.findElements(By.cssSelector(".msg[data-author=bot]"))).hasSize(botLines);
        Browser.screenshot(agent, "hand-off-en-agent-chatting");
        Browser.screenshot(customer, "hand-off-fa-customer-chatting");

        // Sara transfers the chat to Omid, who is online; it counts as a transfer and goes to him.
        handoff.presence(omid, Presence.ONLINE);
        agent.findElement(By.id("transfer")).click();
        agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer-dialog")));
        agentWait.until(driver -> !new Select(driver.findElement(By.id("transfer-target"))).getOptions().isEmpty());
        // No team is set up here, so the dialog offers no transfer to a team.
        assertThat(agent.findElement(By.cssSelector("#transfer-form input[value=team]")).isDisplayed()).isFalse();
        new Select(agent.findElement(By.id("transfer-target"))).selectByValue(omid);
        agent.findElement(By.id("transfer-confirm")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> handoff.holds(omid, id));
        assertThat(handoff.holds(sara, id)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM handoff_log WHERE conversation_id = ? AND kind = 'TRANSFERRED'")
                .param(id.value()).query(Integer.class).single()).isEqualTo(1);
        customerLine(".msg[data-author=system]", "Omid Rahimi");

        // Omid resolves it: the customer is asked how satisfied they are, on the five-point scale.
        assertThat(handoff.resolve(omid, id)).isEqualTo(Handoff.Outcome.DONE);
        customerWait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".rating button"), 5));
        assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.AWAITING_RATING);
        Browser.screenshot(customer, "hand-off-fa-customer-rating");
    }

    private void signInToTheConsole() {
        agent.get(url("/login"));
        agent.findElement(By.name("username")).sendKeys(sara);
        agent.findElement(By.name("password")).sendKeys(PASSWORD);
        agent.findElement(By.cssSelector("button[type=submit]")).click();
        agentWait.until(ExpectedConditions.urlContains("/agent"));
        agentWait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        await().atMost(Duration.ofSeconds(10)).until(() -> handoff.status(sara)
                .map(status -> status.presence() == Presence.ONLINE).orElse(false));
    }

    private static void type(ChromeDriver browser, WebDriverWait wait, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("dastyar-input")));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private WebElement customerLine(String selector, String text) {
        return customerWait.until(driver -> driver.findElements(By.cssSelector(selector)).stream()
                .filter(line -> line.getText().contains(text)).findFirst().orElse(null));
    }

    private WebElement transcriptLine(String author, String text) {
        return agentWait.until(driver -> driver.findElements(By.cssSelector("#transcript .msg." + author + " .text"))
                .stream().filter(line -> line.getText().contains(text)).findFirst().orElse(null));
    }

    private static WebDriverWait waitFor(ChromeDriver browser) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
