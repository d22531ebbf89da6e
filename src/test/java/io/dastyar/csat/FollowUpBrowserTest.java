package io.dastyar.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.conversation.Conversations;
import io.dastyar.support.Browser;
import io.dastyar.support.TestPostgres;
import io.dastyar.support.TestSupportConfig;
import io.dastyar.system.Language;

/**
 * A Persian-speaking supervisor follows up an unhappy customer in a real (headless) Chromium: the page reads right to
 * left with Persian digits and a Jalali date, and the forms work (CSRF included). Screenshots:
 * target/screenshots/follow-ups-fa-*.png.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
@Import(TestSupportConfig.class)
class FollowUpBrowserTest {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;
    @Autowired
    Conversations conversations;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

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
    void aPersianSupervisorAssignsNotesAndClosesAFollowUp() {
        String supervisor = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(supervisor, "مریم کریمی", PASSWORD, Role.SUPERVISOR));
        var customer = new SurveyCustomer(conversations, jdbc, Language.FA);
        customer.say("/end");
        customer.press("rate:1");
        customer.press("reason:unsolved");
        customer.say("هنوز جواب سؤالم را نگرفتم");
        long item = jdbc.sql("SELECT id FROM csat_follow_up WHERE conversation_id = ?")
                .param(customer.conversation().value()).query(Long.class).single();

        browser.get("http://localhost:" + port + "/login?locale=fa");
        browser.findElement(By.name("username")).sendKeys(supervisor);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        browser.get("http://localhost:" + port + "/supervisor/follow-ups");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item-" + item)));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(card.getText()).contains("امتیاز ۱ از ۵", "مشکلم حل نشد", "هنوز جواب سؤالم را نگرفتم", "فقط ربات")
                .containsPattern("[۰-۹]{4}"); // the year, in Persian digits (Jalali: 14xx)
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("مشتریان ناراضی");
        Browser.screenshot(browser, "follow-ups-fa-open");

        card.findElement(By.cssSelector("form[action$='/assign'] button")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".outcome"), "سپرده شد."));
        card = browser.findElement(By.id("item-" + item));
        card.findElement(By.tagName("textarea")).sendKeys("با مشتری تماس گرفتم؛ مشکل حل شد.");
        card.findElement(By.cssSelector("button[formaction$='/close']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".outcome"), "بسته شد."));
        assertThat(browser.findElements(By.id("item-" + item))).as("closed items leave the open list").isEmpty();

        browser.get("http://localhost:" + port + "/supervisor/follow-ups?closed=true");
        card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item-" + item)));
        assertThat(card.getText()).contains("با مشتری تماس گرفتم؛ مشکل حل شد.", "مریم کریمی", "بسته");
        Browser.screenshot(browser, "follow-ups-fa-closed");
    }
}
