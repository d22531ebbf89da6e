package io.dastyar.reports;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.support.Browser;

/** The dashboard in Chromium: a supervisor signs in, the charts are drawn, and the filters change the figures. */
@ReportsTest
class DashboardBrowserTest {

    private static final String PASSWORD = "a long enough password";
    private static final LocalDate FIRST = LocalDate.of(2024, 9, 1);
    private static final String RANGE = "?from=2024-09-01&to=2024-09-30";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FactRefresh refresh;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private String supervisor;

    @BeforeEach
    void setUp() {
        var seed = new Seed(jdbc);
        seed.clear();
        seed.agent("ana", "billing");
        for (int i = 0; i < 30; i++) {
            Instant start = FIRST.plusDays(i % 20).atTime(8 + i % 10, 0).toInstant(ZoneOffset.UTC);
            String language = i % 3 == 0 ? "fa" : "en";
            var conversation = seed.conversation(start, language).question(i % 4 == 0 ? null : "returns", ofSeconds(5));
            Duration end = ofMinutes(3);
            if (i % 2 == 0) {
                conversation.log("QUEUED", null, ofMinutes(1)).log("ASSIGNED", "ana", ofMinutes(1).plusSeconds(20L * i))
                        .log("FIRST_REPLY", "ana", ofMinutes(2).plusSeconds(20L * i))
                        .log("RESOLVED", "ana", ofMinutes(10).plusSeconds(20L * i));
                end = ofMinutes(11).plusSeconds(20L * i);
            }
            conversation.surveyed(end).answer("RATING", 1 + i % 5, false, null, end.plusSeconds(10))
                    .closed(end.plusSeconds(20));
            if (i % 3 == 1) {
                conversation.answer("NPS", i % 11, false, null, end.plusSeconds(15));
            }
        }
        refresh.rebuild();
        supervisor = "supervisor-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(supervisor, "Sima Supervisor", PASSWORD, Role.SUPERVISOR));
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theChartsAreDrawnAndTheFiltersChangeTheFigures() {
        signIn();
        browser.get(url("/admin/reports"));
        wait.until(driver -> driver.getCurrentUrl().contains("/reports") && !driver.getCurrentUrl().contains("/admin"));
        browser.get(url("/reports" + RANGE + "&locale=en"));
        wait.until(driver -> !driver.findElement(By.id("csat-percent")).getText().equals("–"));
        String all = browser.findElement(By.id("csat-percent")).getText();
        // Ratings 1 to 5 in turn: two in five are 4 or 5.
        assertThat(all).isEqualTo("40%");
        assertThat(browser.findElement(By.id("csat-responses")).getText()).startsWith("30 ");
        for (String chart : new String[]{"chart-csat-day", "chart-csat-week", "chart-distribution",
                "chart-first-response", "chart-containment", "chart-queue-hour"}) {
            assertThat(drawnPixels(chart)).as(chart + " drawn").isGreaterThan(200);
        }
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Reports");
        Browser.screenshot(browser, "reports-en");

        new Select(browser.findElement(By.name("language"))).selectByValue("fa");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        // Persian conversations are every third: ten of the thirty.
        wait.until(driver -> driver.findElement(By.id("csat-responses")).getText().startsWith("10 "));
        assertThat(browser.findElement(By.id("hand-off-rate")).getText()).isEqualTo("50%");
        assertThat(browser.getCurrentUrl()).contains("language=fa");
        assertThat(browser.findElement(By.id("export-ratings")).getDomAttribute("href")).contains("language=fa");

        new Select(browser.findElement(By.name("language"))).selectByValue("");
        new Select(browser.findElement(By.name("agent"))).selectByValue("ana");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(driver -> driver.findElement(By.id("csat-responses")).getText().startsWith("15 "));
        assertThat(browser.findElement(By.id("hand-off-rate")).getText()).isEqualTo("100%");
    }

    @Test
    void persianReadersSeeTheJalaliCalendarPersianDigitsAndAPageRightToLeft() {
        signIn();
        browser.get(url("/reports" + RANGE + "&locale=fa"));
        wait.until(driver -> !driver.findElement(By.id("csat-percent")).getText().equals("–"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.id("csat-percent")).getText()).contains("۴۰");
        // 1 September 2024 is 11 Shahrivar 1403.
        assertThat(browser.findElement(By.id("range")).getText()).contains("۱۱").contains("شهریور").contains("۱۴۰۳");
        assertThat(drawnPixels("chart-csat-day")).isGreaterThan(200);
        Browser.screenshot(browser, "reports-fa");

        browser.get(url("/reports" + RANGE + "&locale=ar"));
        wait.until(driver -> !driver.findElement(By.id("csat-percent")).getText().equals("–"));
        assertThat(browser.findElement(By.id("csat-percent")).getText()).contains("٤٠");
        Browser.screenshot(browser, "reports-ar");
    }

    /** Pixels of the canvas that are not transparent: Chart.js drew something. */
    private long drawnPixels(String canvas) {
        Object drawn = browser.executeScript("""
                const canvas = document.getElementById(arguments[0]);
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let count = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) count++; }
                return count;""", canvas);
        return ((Number) drawn).longValue();
    }

    private void signIn() {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(supervisor);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
