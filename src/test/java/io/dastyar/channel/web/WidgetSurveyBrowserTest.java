package io.dastyar.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.json.JsonMapper;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.support.Browser;
import io.dastyar.support.MutableClock;
import io.dastyar.support.ScriptedSurvey;
import io.dastyar.support.TestPostgres;
import io.dastyar.support.TestSupportConfig;

/**
 * The survey in the widget, in a real headless Chromium: five faces with their words, the 0–10 scale, both read
 * as groups, in the panel's direction; and the rating buttons that still count after closing unrated.
 * Screenshots: target/screenshots/csat-*.png.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
@Import(TestSupportConfig.class)
class WidgetSurveyBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Conversations conversations;
    @Autowired
    ScriptedSurvey survey;
    @Autowired
    MutableClock clock;

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

    @ParameterizedTest
    @CsvSource({"en, 1 – Very dissatisfied, Very satisfied, 10, ltr", "fa, ۱ – خیلی ناراضی, خیلی راضی, ۱۰, rtl"})
    void theRatingIsFiveFacesWithWordsAndNpsIsZeroToTenInThePanelsDirection(String lang, String firstLabel,
                                                                             String lastWord, String ten, String dir) {
        open(lang);
        type("/end");
        List<WebElement> ratings = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".rating button"), 5));
        assertThat(browser.findElement(By.cssSelector(".rating")).getAttribute("role")).isEqualTo("group");
        assertThat(ratings.getFirst().getAttribute("aria-label")).isEqualTo(firstLabel);
        assertThat(ratings.getFirst().findElement(By.className("face")).getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(ratings.getLast().findElement(By.className("word")).getText()).isEqualTo(lastWord);
        assertThat(ratings).allSatisfy(button -> assertThat(button.findElement(By.className("face")).getText()).isNotBlank());
        // 1 comes first in the reading direction: on the left in English, on the right in Persian.
        boolean firstOnTheLeft = ratings.getFirst().getLocation().getX() < ratings.getLast().getLocation().getX();
        assertThat(firstOnTheLeft).isEqualTo(dir.equals("ltr"));
        Browser.screenshot(browser, "csat-" + lang + "-rating");

        survey.askNps(conversation());
        press("rate:5");
        press("skip_comment");
        List<WebElement> nps = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".nps button"), 11));
        assertThat(browser.findElement(By.cssSelector(".nps")).getAttribute("role")).isEqualTo("group");
        assertThat(browser.findElement(By.cssSelector(".nps")).getAttribute("aria-label")).isNotBlank();
        assertThat(nps.getLast().getText()).isEqualTo(ten);
        assertThat(nps.getFirst().getLocation().getX() < nps.getLast().getLocation().getX()).isEqualTo(dir.equals("ltr"));
        assertThat(nps.getFirst().getLocation().getY()).as("0 to 10 in one row").isEqualTo(nps.getLast().getLocation().getY());
        Browser.screenshot(browser, "csat-" + lang + "-nps");

        press("nps:9");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dastyar-closed")));
        assertThat(browser.findElements(By.cssSelector(".quick-replies button"))).isEmpty();
    }

    @Test
    void afterClosingUnratedTheRatingButtonsStillCountAndDoNotStartANewConversation() {
        open("en");
        type("/end");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".rating button"), 5));
        ConversationId first = conversation();
        clock.advance(Duration.ofMinutes(61));
        lineContaining("A quick reminder");
        clock.advance(Duration.ofMinutes(61));
        lineContaining("buttons below work for 24 more hours");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dastyar-closed")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".rating button"), 5));
        Browser.screenshot(browser, "csat-en-closed-unrated");

        press("rate:4");
        lineContaining("we've recorded it");
        assertThat(conversation()).isEqualTo(first);
        assertThat(conversations.find(first).orElseThrow().rating()).contains(4);
        assertThat(browser.findElements(By.cssSelector(".rating button"))).isEmpty();
    }

    private void open(String lang) {
        browser.get("http://localhost:" + port + "/?lang=" + lang);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("dastyar-launcher"))).click();
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("dastyar-frame")));
        wait.until(ExpectedConditions.attributeToBe(By.id("dastyar-status"), "data-state", "online"));
    }

    private void type(String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("dastyar-input")));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private void press(String payload) {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".quick-replies button[data-payload='" + payload + "']"))).click();
    }

    private WebElement lineContaining(String text) {
        return wait.until(driver -> driver.findElements(By.cssSelector(".msg:not([data-author=customer])")).stream()
                .filter(line -> line.getText().contains(text)).findFirst().orElse(null));
    }

    /** The visitor's conversation, found from the token the panel keeps in its localStorage. */
    private ConversationId conversation() {
        String token = (String) browser.executeScript("return localStorage.getItem('dastyar.token')");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        String visitor = JsonMapper.builder().build().readTree(claims).get("sub").asString();
        return conversations.latest(new ChannelAddress(WebChannel.NAME, visitor)).orElseThrow().id();
    }
}
