package io.dastyar.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.Attachment;
import io.dastyar.conversation.channel.ChannelFile;
import io.dastyar.conversation.channel.EditReceipt;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.handoff.AgentStatus;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.HandoffTest;
import io.dastyar.handoff.Presence;
import io.dastyar.support.Browser;
import io.dastyar.support.RecordingChannel;
import io.dastyar.system.Language;

/**
 * The console shows what a customer sent besides text, in a real (headless) Chromium: a photo as the image (fetched
 * through the server with the agent's session), a file as a download link under the customer's name for it (as text),
 * a location as coordinates with a map link, and a line the customer edited, live, marked as edited.
 */
@Tag("browser")
@HandoffTest
class AttachmentsBrowserTest {

    private static final String PASSWORD = "attachments test password";

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
    void photosFilesLocationsAndEditsShowInTheChat() throws IOException {
        signInAndOpen();
        new Select(browser.findElement(By.id("presence"))).selectByValue(Presence.AWAY.name());
        await().atMost(Duration.ofSeconds(10)).until(() -> handoff.status(agent).map(AgentStatus::presence)
                .equals(Optional.of(Presence.AWAY)));
        var customer = new TestCustomer(conversations, Language.EN);
        ConversationId chat = customer.askForPerson("My parcel arrived damaged");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".queue-item[data-conversation='" + chat + "'] .take"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transcript .msg.customer")));

        String photo = "photo-" + UUID.randomUUID();
        channel.keepFile(photo, new ChannelFile(picture(), Optional.of("image/png"), Optional.empty()));
        send(customer, UUID.randomUUID().toString(), new Inbound.Media(Attachment.of(Attachment.Kind.PHOTO, photo),
                Optional.of("The box arrived like this")));
        send(customer, UUID.randomUUID().toString(), new Inbound.Media(new Attachment(Attachment.Kind.DOCUMENT,
                "doc-" + UUID.randomUUID(), Optional.of("<b onmouseover=alert(1)>invoice</b>.pdf"), Optional.empty())));
        send(customer, UUID.randomUUID().toString(), new Inbound.Media(Attachment.location(35.6892, 51.389)));
        String typo = UUID.randomUUID().toString();
        send(customer, typo, new Inbound.Text("My order number is 4412"));

        WebElement image = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#transcript .msg.customer .attachment.picture img")));
        wait.until(driver -> ((Number) browser.executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", image)).intValue() == 240);
        assertThat(image.findElement(By.xpath("../..")).getText()).contains("The box arrived like this");
        WebElement file = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#transcript .attachment.file a")));
        assertThat(file.getText()).isEqualTo("File: <b onmouseover=alert(1)>invoice</b>.pdf");
        assertThat(browser.findElements(By.cssSelector("#transcript b"))).isEmpty();
        WebElement map = browser.findElement(By.cssSelector("#transcript .attachment.location a"));
        assertThat(map.getDomAttribute("href")).startsWith("https://www.openstreetmap.org/?mlat=35.6892&mlon=51.389");
        assertThat(map.findElement(By.xpath("..")).getText()).contains("Location: 35.6892, 51.389");

        wait.until(driver -> driver.findElement(By.id("transcript")).getText().contains("My order number is 4412"));
        assertThat(conversations.edit(customer.address, typo, "My order number is 4421").outcome())
                .isEqualTo(EditReceipt.Outcome.EDITED);
        WebElement edited = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transcript .edited")));
        WebElement line = edited.findElement(By.xpath("ancestor::li"));
        wait.until(driver -> line.getText().contains("My order number is 4421"));
        assertThat(edited.getText()).isEqualTo("edited");
        assertThat(edited.getDomAttribute("title")).isEqualTo("First written: My order number is 4412");
        browser.executeScript("arguments[0].scrollIntoView({block: 'end'})", line);
        Browser.screenshot(browser, "agent-console-attachments");
    }

    private void send(TestCustomer customer, String clientId, Inbound.Content content) {
        conversations.receive(new Inbound(customer.address, clientId, content, Optional.empty()));
    }

    /** A photo of a damaged box, as far as a test can draw one. */
    private static byte[] picture() throws IOException {
        var image = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0xC8A46E));
        graphics.fillRect(0, 0, 240, 160);
        graphics.setColor(new Color(0x5B3A1A));
        graphics.fillPolygon(new int[] {60, 180, 150, 90}, new int[] {40, 40, 120, 120}, 4);
        graphics.setColor(Color.WHITE);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        graphics.drawString("damaged box", 70, 150);
        graphics.dispose();
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private void signInAndOpen() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.name("username")).sendKeys(agent);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/agent"));
        browser.get("http://localhost:" + port + "/agent?locale=en");
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    }
}
