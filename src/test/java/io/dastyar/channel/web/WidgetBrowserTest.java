package io.dastyar.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import io.dastyar.support.Browser;
import io.dastyar.support.TestPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer chats through the demo page's widget in a real (headless) Chromium, against the sample knowledge
 * base, real ranking and PostgreSQL.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
class WidgetBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WidgetSessions sessions;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerGetsAnAnswerAsksForAPersonEndsAndRatesInEnglish() {
        open("en", "");
        ask("How long will my order take to arrive?");
        assertThat(botLineContaining("2-5 working days").findElements(By.tagName("strong"))).as("Markdown rendered").isNotEmpty();

        press("not_helped");
        press("person");
        assertThat(queueStatus()).contains("number").containsPattern("[0-9]");
        Browser.screenshot(browser, "widget-en-queued");

        press("end");
        rateAndComment("rate:4", "Quick and friendly");
        Browser.screenshot(browser, "widget-en-closed");
        assertThat(storedRating()).containsEntry("rating", 4).containsEntry("rating_comment", "Quick and friendly");

        // A clear way to start again.
        browser.findElement(By.id("dastyar-new-conversation")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dastyar-closed")));
        ask("Can I pay in instalments?");
        botLineContaining("instalment");
    }

    @Test
    void thePersianPanelIsRightToLeftWithPersianDigitsThroughTheWholeFlow() {
        open("fa", "");
        assertThat(browser.findElement(By.id("dastyar-messages")).getCssValue("direction")).isEqualTo("rtl");
        ask("سفارشم چند روزه می‌رسه؟");
        botLineContaining("۲ تا ۵ روز کاری");

        press("not_helped");
        press("person");
        String status = queueStatus();
        assertThat(status).containsPattern("[۰-۹]").doesNotContainPattern("[0-9]");
        assertThat(browser.findElements(By.cssSelector(".msg time")))
                .allSatisfy(time -> assertThat(time.getText()).containsPattern("[۰-۹]").doesNotContainPattern("[0-9]"));
        Browser.screenshot(browser, "widget-fa-queued");

        press("end");
        rateAndComment("rate:5", "خیلی ممنون");
        Browser.screenshot(browser, "widget-fa-closed");
        assertThat(storedRating()).containsEntry("rating", 5).containsEntry("rating_comment", "خیلی ممنون");
    }

    @Test
    void whatCustomersTypeIsShownAsTextNeverRunAsHtml() {
        open("en", "");
        List<String> payloads = List.of("<img src=x onerror=\"window.__xss=1\">", "<script>window.__xss=2</script>");
        for (String payload : payloads) {
            ask(payload);
        }
        wait.until(driver -> driver.findElements(By.cssSelector(".msg[data-author=customer]:not([data-pending]) .text"))
                .size() == payloads.size());
        assertThat(browser.findElements(By.cssSelector(".msg[data-author=customer] .text")))
                .extracting(WebElement::getText).containsExactlyElementsOf(payloads);
        assertThat(browser.findElements(By.cssSelector("#dastyar-messages img, #dastyar-messages script"))).isEmpty();
        assertThat(browser.executeScript("return window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void aReloadRestoresTheConversationAndAMessageTypedOfflineIsSentOnceWhenBack() {
        open("en", "");
        ask("How long will my order take to arrive?");
        botLineContaining("2-5 working days");
        wait.until(driver -> driver.findElements(By.cssSelector(".quick-replies button")).size() == 3);
        List<String> before = lineIds();

        browser.navigate().refresh();
        openPanel();
        wait.until(driver -> lineIds().size() == before.size());
        assertThat(lineIds()).containsExactlyElementsOf(before);
        assertThat(browser.findElements(By.cssSelector(".quick-replies button[data-payload=helped]"))).hasSize(1);

        // The network goes away: no new connections, and the open socket is cut (from the server's side, as
        // Chrome's offline emulation leaves open sockets alone).
        var network = new ChromiumNetworkConditions();
        network.setOffline(true);
        browser.setNetworkConditions(network);
        sessions.closeAll();
        wait.until(ExpectedConditions.attributeToBe(By.id("dastyar-status"), "data-state", "offline"));
        ask("Can I pay in instalments?");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg[data-pending=true]")));

        browser.deleteNetworkConditions();
        wait.until(ExpectedConditions.attributeToBe(By.id("dastyar-status"), "data-state", "online"));
        botLineContaining("instalment");
        wait.until(driver -> driver.findElements(By.cssSelector(".msg[data-pending]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".msg[data-author=customer]")))
                .extracting(WebElement::getText).filteredOn(text -> text.contains("instalments")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE body = 'Can I pay in instalments?' AND conversation_id = "
                        + "(SELECT id FROM conversation WHERE recipient = ?)").param(visitor()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void theWidgetWorksFromTheKeyboardWithFocusGoingWhereItShould() {
        browser.get("http://localhost:" + port + "/?lang=en");
        WebElement launcher = wait.until(ExpectedConditions.elementToBeClickable(By.id("dastyar-launcher")));
        assertThat(launcher.getAttribute("aria-label")).isNotBlank();
        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");

        launcher.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("dastyar-launcher"), "aria-expanded", "true"));
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("dastyar-frame")));
        wait.until(driver -> "dastyar-input".equals(driver.switchTo().activeElement().getAttribute("id")));
        assertThat(browser.findElement(By.id("dastyar-messages")).getAttribute("role")).isEqualTo("log");
        assertThat(browser.findElement(By.id("dastyar-close")).getAttribute("aria-label")).isNotBlank();

        // Typed at once, before the panel has even connected: sent once, shown once.
        browser.switchTo().activeElement().sendKeys("How long will my order take to arrive?", Keys.ENTER);
        botLineContaining("2-5 working days");
        wait.until(driver -> driver.findElements(By.cssSelector(".msg[data-pending]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".msg[data-author=customer]"))).hasSize(1);
        // The answer's buttons are reachable with Tab and pressed with Enter.
        WebElement helped = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".quick-replies button[data-payload=helped]")));
        helped.sendKeys(Keys.ENTER);
        botLineContaining("glad");

        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.switchTo().defaultContent();
        wait.until(ExpectedConditions.attributeToBe(By.id("dastyar-launcher"), "aria-expanded", "false"));
        wait.until(driver -> "dastyar-launcher".equals(driver.switchTo().activeElement().getAttribute("id")));
    }

    @Test
    void aVisitorWhoTypesTooFastIsAskedToWaitAndEveryMessageStillGoesOutOnce() {
        open("en", "");
        int messages = 11; // the burst allows 8 (support.widget.message-burst), then one every 2 s
        // One burst of keystrokes, so that a slow machine's WebDriver round trips cannot pace them below the limit.
        var burst = new StringBuilder();
        for (int i = 1; i <= messages; i++) {
            burst.append("question number ").append(i).append(Keys.ENTER);
        }
        wait.until(ExpectedConditions.elementToBeClickable(By.id("dastyar-input"))).sendKeys(burst);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dastyar-notice"), "wait"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> driver.findElements(By.cssSelector(".msg[data-pending]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".msg[data-author=customer]"))).hasSize(messages);
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE direction = 'IN' AND conversation_id = "
                        + "(SELECT id FROM conversation WHERE recipient = ?)").param(visitor()).query(Integer.class).single())
                .isEqualTo(messages);
    }

    @Test
    void whereWebSocketsAreBlockedTheFallbackCarriesTheConversation() {
        open("en", "&transport=sse");
        ask("How long will my order take to arrive?");
        botLineContaining("2-5 working days");
        press("helped");
        botLineContaining("glad");
    }

    /** One language of the demo page, with what the test asks and expects in it. */
    private record DemoLanguage(String lang, String direction, String panelTitle, String question, String answer,
                                String digits) {
    }

    @Test
    void theDemoPageAndThePanelReadInTheChosenLanguageAndEachTextInItsOwnDirection() {
        for (DemoLanguage demo : List.of(
                new DemoLanguage("en", "ltr", "Support", "How long will my order take to arrive?", "2-5 working days", "[0-9]"),
                new DemoLanguage("fa", "rtl", "پشتیبانی", "سفارشم چند روزه می‌رسه؟", "۲ تا ۵ روز کاری", "[۰-۹]"),
                new DemoLanguage("ar", "rtl", "خدمة العملاء", "كم يستغرق توصيل الطلب؟", "٢ إلى ٥ أيام عمل", "[٠-٩]"))) {
            browser.get("http://localhost:" + port + "/?lang=" + demo.lang());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("dastyar-launcher")));
            browser.executeScript("localStorage.clear()"); // a new visitor for each language
            // The page's chrome follows the chosen language; its shop sells what the knowledge base speaks of.
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(demo.lang());
            assertThat(browser.findElement(By.tagName("body")).getCssValue("direction")).as(demo.lang())
                    .isEqualTo(demo.direction());
            assertThat(browser.findElement(By.cssSelector(".products")).getText()).as(demo.lang())
                    .containsPattern(demo.digits());
            if (!demo.lang().equals("en")) {
                assertThat(browser.findElement(By.tagName("h1")).getText()).as(demo.lang())
                        .doesNotContainPattern("[A-Za-z]");
                assertThat(browser.findElement(By.cssSelector(".products")).getText()).as(demo.lang())
                        .doesNotContain("toman").doesNotContain("Add to cart");
            }
            // English on the page stays left to right whatever the page's direction: the code, and the language list.
            assertThat(browser.findElement(By.cssSelector(".embed pre")).getCssValue("direction")).isEqualTo("ltr");
            assertThat(browser.findElement(By.cssSelector(".langs a[hreflang=en]")).getCssValue("direction"))
                    .isEqualTo("ltr");
            assertThat(browser.findElement(By.cssSelector(".langs a[hreflang=ar]")).getCssValue("direction"))
                    .isEqualTo("rtl");
            assertThat(browser.findElements(By.cssSelector("[data-i18n][lang=en]"))).as("texts left untranslated")
                    .isEmpty();

            openPanel();
            assertThat(browser.findElement(By.id("dastyar-title")).getText()).isEqualTo(demo.panelTitle());
            ask(demo.question());
            botLineContaining(demo.answer());
            // Every line takes its direction from most of its own words: here all are in the page's language. A
            // Persian notice that starts with an agent's Latin name still reads right to left.
            assertThat(browser.findElements(By.cssSelector(".msg .text")))
                    .allSatisfy(text -> assertThat(text.getAttribute("dir")).isEqualTo(demo.direction()));
            var script = (org.openqa.selenium.JavascriptExecutor) browser;
            assertThat(script.executeScript("return directionOf(arguments[0])", "Sara از همکاران ما به گفتگو پیوست."))
                    .isEqualTo("rtl");
            assertThat(script.executeScript("return directionOf(arguments[0])", "Order ANR-1234, please."))
                    .isEqualTo("ltr");
            // The panel's own counts take CLDR's plural forms from the browser: Arabic 3 letters, 11, 100.
            assertThat(script.executeScript("return [3, 11, 100].map(n => DASTYAR_STRINGS.ar.tooLong(n, String(n)))"))
                    .asString().contains("3 أحرف", "11 حرفًا", "100 حرف.");
            // The empty input reads in the panel's direction, so its placeholder does too; English typed in it reads
            // left to right.
            WebElement input = browser.findElement(By.id("dastyar-input"));
            assertThat(input.getCssValue("direction")).isEqualTo(demo.direction());
            input.sendKeys("Order ANR-1234, please.");
            assertThat(input.getCssValue("direction")).isEqualTo("ltr");
            Browser.screenshot(browser, "demo-" + demo.lang() + "-typing-english");
            input.clear();
            input.sendKeys(" ");
            input.sendKeys(Keys.BACK_SPACE);
            browser.switchTo().defaultContent();
            Browser.screenshot(browser, "demo-" + demo.lang() + "-answered");
        }
    }

    private void open(String lang, String query) {
        browser.get("http://localhost:" + port + "/?lang=" + lang + query);
        openPanel();
    }

    private void openPanel() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("dastyar-launcher"))).click();
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("dastyar-frame")));
        wait.until(ExpectedConditions.attributeToBe(By.id("dastyar-status"), "data-state", "online"));
    }

    private void ask(String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("dastyar-input")));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private WebElement botLineContaining(String text) {
        return wait.until(driver -> driver.findElements(By.cssSelector(".msg[data-author=bot]")).stream()
                .filter(line -> line.getText().contains(text)).findFirst().orElse(null));
    }

    private void press(String payload) {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".quick-replies button[data-payload='" + payload + "']"))).click();
    }

    private String queueStatus() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dastyar-queue-status"))).getText();
    }

    private void rateAndComment(String rating, String comment) {
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".rating button"), 5));
        press(rating);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".quick-replies button[data-payload=skip_comment]")));
        ask(comment);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dastyar-closed")));
    }

    private List<String> lineIds() {
        return browser.findElements(By.cssSelector(".msg[data-id]")).stream()
                .map(line -> line.getAttribute("data-id")).toList();
    }

    /** The visitor id, from the token the panel keeps in its localStorage. */
    private String visitor() {
        String token = (String) browser.executeScript("return localStorage.getItem('dastyar.token')");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(claims).get("sub").asString();
    }

    private Map<String, Object> storedRating() {
        return jdbc.sql("SELECT rating, rating_comment FROM conversation WHERE recipient = ? AND state = 'CLOSED'")
                .param(visitor()).query().singleRow();
    }
}
