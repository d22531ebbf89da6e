package io.dastyar.knowledge.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.dastyar.support.Browser;
import io.dastyar.support.TestPostgres;

/** An admin signs in with a real browser, edits an article, and the bot then answers with the change. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
class KnowledgeAdminBrowserTest {

    static final Path DIR = KnowledgeAdminTestBase.freshFolder();

    @DynamicPropertySource
    static void knowledgeBase(DynamicPropertyRegistry registry) {
        registry.add("support.knowledge-base.dir", DIR::toString);
        registry.add("support.knowledge-base.semantic.enabled", () -> "false");
        // The default English threshold is calibrated for ranking by meaning, which is off here.
        registry.add("support.knowledge-base.thresholds.en", () -> "0.2");
    }

    @LocalServerPort
    int port;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminEditsAnArticleAndTheBotAnswersWithTheChange() throws IOException {
        Files.createDirectories(DIR.resolve("en"));
        Files.writeString(DIR.resolve("en/ship-abroad.md"), """
                ---
                title: Do you ship abroad?
                questions:
                  - Can you deliver to another country?
                ---
                We deliver to twelve countries; the shipping cost is shown at checkout.
                """, UTF_8);
        Files.writeString(DIR.resolve("en/returns.md"), """
                ---
                title: How do I return an item?
                questions:
                  - Can I send something back?
                ---
                Return it within 14 days from My orders.
                """, UTF_8);
        String newQuestion = "Is consignment to Kazakhstan possible?";

        browser.get(url("/admin/knowledge"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys(TestPostgres.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        browser.get(url("/admin/knowledge/try?lang=en&q=" + URLEncoder.encode(newQuestion, UTF_8)));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("The bot would not answer");

        browser.get(url("/admin/knowledge?q=ship-abroad"));
        browser.findElement(By.linkText("ship-abroad")).click();
        var questions = browser.findElement(By.name("questions"));
        questions.sendKeys("\n" + newQuestion);
        Browser.screenshot(browser, "admin-knowledge-edit");
        browser.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=status]"), "Customers get this version now"));

        browser.get(url("/admin/knowledge/try?lang=en&q=" + URLEncoder.encode(newQuestion, UTF_8)));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("The bot would answer with “Do you ship abroad?”");
        assertThat(Files.readString(DIR.resolve("en/ship-abroad.md"), UTF_8)).contains(newQuestion);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
