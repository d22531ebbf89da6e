package io.dastyar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import io.dastyar.DastyarApplication;

/** The service as an operator starts it: on the embedded H2 defaults, and refusing bad settings by name. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

    /** Starts the service as its command line would, on an in-memory H2 so the test leaves no files behind. */
    private static ConfigurableApplicationContext startWith(String... settings) {
        var arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=DAY",
                "--server.port=0"));
        Arrays.stream(settings).map(setting -> "--" + setting).forEach(arguments::add);
        return new SpringApplicationBuilder(DastyarApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void startsOnTheEmbeddedDefaultsAndReportsHealthy() {
        try (var context = startWith()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String health = RestClient.create("http://localhost:" + port).get().uri("/actuator/health")
                    .retrieve().body(String.class);
            assertThat(health).contains("\"status\":\"UP\"");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "support.conversation.max-message-length, 0",
            "support.conversation.default-language, klingon",
            "support.conversation.bot-inactivity, 1s",
            "support.account.initial-admin-password, short",
            "support.widget.brand-color, blue",
            "support.widget.token-secret, too-short-to-sign-anything",
            "support.widget.titles.fa, ''",
            "support.widget.titles.klingon, Support",
            "support.widget.titles.ar, A title far too long for the header of the panel: over sixty characters",
            "support.widget.greetings.az, ' '",
            "support.knowledge-base.index-dir, pom.xml/index",
            "support.knowledge-base.index-dir, ./knowledge-base/index",
            "support.knowledge-base.learning-epochs, -1",
    })
    void aBadSettingStopsStartUpWithAMessageNamingTheKey(String key, String value, CapturedOutput output) {
        assertThatThrownBy(() -> startWith(key + "=" + value).close()).isNotNull();
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "support.handoff.hours.time-zone        | Mars/Olympus",
            "support.handoff.hours.weekly.monday    | 18:00-09:00",
            "support.handoff.hours.weekly.monday    | 09:00-13:00,12:00-14:00",
            "support.handoff.hours.holidays.jalali  | 1405-13-01",
    })
    void aBadBusinessHoursSettingStopsStartUpWithAMessageNamingTheKey(String key, String value, CapturedOutput output) {
        assertThatThrownBy(() -> startWith(key + "=" + value).close()).isNotNull();
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(key).contains(value.split(",")[0]);
    }

    /** Spring Boot names a setting of a nested record by its Java path: support.account.signIn.attemptsPerAccount. */
    @ParameterizedTest
    @CsvSource({
            "support.account.sign-in.attempts-per-account, 0, support.account.signIn.attemptsPerAccount",
            "support.account.sign-in.account-refill, 0s, support.account.signIn.accountRefill",
            "support.account.sign-in.attempts-per-address, 0, support.account.signIn.attemptsPerAddress",
            "support.account.sign-in.address-refill, 2d, support.account.signIn.addressRefill",
            "support.handoff.eta.high-quantile, 1.5, support.handoff.eta.highQuantile",
            "support.handoff.eta.window, 1m, support.handoff.eta.window",
    })
    void aBadNestedSettingStopsStartUpWithAMessageNamingIt(String key, String value, String named, CapturedOutput output) {
        assertThatThrownBy(() -> startWith(key + "=" + value).close()).isNotNull();
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(named);
    }
}
