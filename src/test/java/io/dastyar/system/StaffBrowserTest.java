package io.dastyar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.support.Browser;
import io.dastyar.support.TestPostgres;

/**
 * Staff in a real (headless) Chromium: signing in and out in English and Persian, the header their role allows,
 * an error page, and pages that stay within the window whatever length of text they show.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
class StaffBrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAgentSignsInSeesTheConsoleWithoutAdminLinksAndSignsOutToTheSignInPage() {
        String agent = newUser(Role.AGENT, "Sara Rahimi");
        browser.get(url("/agent"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.getTitle()).isEqualTo("Sign in · Dastyar");
        Browser.screenshot(browser, "staff-sign-in-en");

        signIn(agent, "not the password");
        assertThat(alert()).isEqualTo("Wrong username or password.");
        assertThat(browser.findElement(By.name("username")).getAttribute("value")).isEqualTo(agent);
        signIn(agent, PASSWORD);

        assertThat(browser.getCurrentUrl()).contains("/agent"); // the page asked for (/agent?continue)
        WebElement header = browser.findElement(By.cssSelector("header.staff"));
        assertThat(header.getText()).contains("Agent console", "Signed in as Sara Rahimi", "Sign out")
                .doesNotContain("Users", "Knowledge base");
        Browser.screenshot(browser, "staff-console-agent-en");

        header.findElement(By.xpath(".//button[normalize-space()='Sign out']")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(status()).isEqualTo("You have signed out.");
        Browser.screenshot(browser, "staff-signed-out-en");
        browser.get(url("/agent"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void inPersianTheSignInPageIsRightToLeftAndSigningOutSaysSoInPersian() {
        String agent = newUser(Role.AGENT, "سارا رحیمی");
        browser.get(url("/login"));
        browser.findElement(By.linkText("فارسی")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "rtl"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fa");
        assertThat(browser.findElement(By.tagName("form")).getText()).contains("نام کاربری", "گذرواژه");
        // Right to left: the form's labels start at the right edge.
        WebElement label = browser.findElement(By.xpath("//label/span[text()='نام کاربری']"));
        WebElement form = browser.findElement(By.tagName("form"));
        assertThat(label.getRect().getX() + label.getRect().getWidth())
                .isGreaterThan(form.getRect().getX() + form.getRect().getWidth() - 5);
        Browser.screenshot(browser, "staff-sign-in-fa");

        signIn(agent, PASSWORD);
        assertThat(browser.findElement(By.cssSelector("header.staff")).getText())
                .contains("میز کار پشتیبان", "سارا رحیمی").doesNotContain("کاربران");
        browser.findElement(By.xpath("//button[normalize-space()='خروج']")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(status()).isEqualTo("از حساب خود خارج شدید.");
        Browser.screenshot(browser, "staff-signed-out-fa");
    }

    @Test
    void anAdminLandsInTheKnowledgeBaseWithEveryAdminLink() {
        browser.get(url("/login"));
        signIn("admin", TestPostgres.ADMIN_PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/admin/knowledge");
        WebElement header = browser.findElement(By.cssSelector("header.staff"));
        assertThat(header.getText()).contains("Agent console", "Knowledge base", "Try a question",
                "Unanswered questions", "Users", "Signed in as Administrator");
        header.findElement(By.linkText("Users")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users");
        Browser.screenshot(browser, "staff-users-en");

        // The language menu: this page again, in Arabic, right to left.
        browser.findElement(By.cssSelector(".language-menu summary")).click();
        Browser.screenshot(browser, "staff-language-menu");
        browser.findElement(By.linkText("العربية")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "rtl"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users?locale=ar");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("المستخدمون");
        Browser.screenshot(browser, "staff-users-ar");
        browser.get(url("/admin/users?locale=en"));
    }

    @Test
    void aMissingPageIsAnErrorPageOfTheProduct() {
        String agent = newUser(Role.AGENT, "Reza Karimi");
        browser.get(url("/login"));
        signIn(agent, PASSWORD);
        browser.get(url("/agent/no-such-page"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(browser.findElement(By.cssSelector("header.staff")).getText()).contains("Signed in as Reza Karimi");
        Browser.screenshot(browser, "staff-404-en");
        browser.findElement(By.linkText("Go to your start page")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/agent");

        browser.get(url("/admin/users"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
    }

    @Test
    void aFourThousandLetterWordKeepsEveryStaffPageWithinTheWindow() {
        String word = "x".repeat(4_000);
        String marker = "longword" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO kb_question (conversation_id, language, question, article_id, score, asked_at)
                        VALUES (?, 'en', ?, NULL, NULL, ?)""")
                .params(UUID.randomUUID(), marker + word.substring(marker.length()), Timestamp.from(Instant.now())).update();
        String longName = "n".repeat(128);
        newUser(Role.AGENT, longName);

        browser.get(url("/login"));
        signIn("admin", TestPostgres.ADMIN_PASSWORD);
        browser.get(url("/admin/knowledge/unanswered"));
        WebElement row = browser.findElement(By.xpath("//tr[.//summary[starts-with(normalize-space(), '" + marker + "')]]"));
        WebElement create = row.findElement(By.linkText("Create article"));
        assertFitsTheWindow("unanswered");
        assertWithinTheWindow(create);
        Browser.screenshot(browser, "staff-unanswered-long-word");

        // The whole question is there to read, wrapped, when opened.
        row.findElement(By.tagName("summary")).click();
        assertFitsTheWindow("unanswered, the long question opened");
        assertWithinTheWindow(create);
        assertThat(row.findElement(By.cssSelector("details.long > .whole")).getAttribute("textContent")).hasSize(4_000);

        browser.get(url("/admin/users"));
        assertFitsTheWindow("users");
        browser.get(url("/admin/knowledge/try?lang=en&q=" + word.substring(0, 900)));
        assertFitsTheWindow("try");
        browser.get(url("/admin/knowledge/new?lang=en&q=" + URLEncoder.encode(word.substring(0, 2_000), StandardCharsets.UTF_8)));
        assertFitsTheWindow("editor");
        browser.get(url("/admin/knowledge"));
        assertFitsTheWindow("knowledge list");
        browser.get(url("/agent"));
        assertFitsTheWindow("console");

        // A narrow window too (a phone), and right to left.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(400, 800));
        browser.get(url("/admin/knowledge/unanswered?locale=fa"));
        assertFitsTheWindow("unanswered, narrow, Persian");
        assertWithinTheWindow(browser.findElement(By.xpath("//tr[.//summary[starts-with(normalize-space(), '" + marker
                + "')]]")).findElement(By.linkText("نوشتن مقاله")));
        Browser.screenshot(browser, "staff-unanswered-long-word-narrow-fa");
        browser.get(url("/admin/knowledge/unanswered?locale=en"));
    }

    private void signIn(String username, String password) {
        var name = browser.findElement(By.name("username"));
        name.clear();
        name.sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String alert() {
        return browser.findElement(By.cssSelector("[role=alert]")).getText();
    }

    private String status() {
        return browser.findElement(By.cssSelector("[role=status]")).getText();
    }

    private void assertFitsTheWindow(String page) {
        @SuppressWarnings("unchecked")
        var sizes = (Map<String, Long>) browser.executeScript(
                "return {scroll: document.documentElement.scrollWidth, window: window.innerWidth};");
        assertThat(sizes.get("scroll")).as(page + ": page width within the window").isLessThanOrEqualTo(sizes.get("window"));
    }

    private void assertWithinTheWindow(WebElement element) {
        @SuppressWarnings("unchecked")
        var box = (List<Number>) browser.executeScript(
                "const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, window.innerWidth];", element);
        assertThat(box.get(0).doubleValue()).as("left edge").isGreaterThanOrEqualTo(0);
        assertThat(box.get(1).doubleValue()).as("right edge").isLessThanOrEqualTo(box.get(2).doubleValue());
    }

    private String newUser(Role role, String displayName) {
        String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(name, displayName, PASSWORD, role));
        return name;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
