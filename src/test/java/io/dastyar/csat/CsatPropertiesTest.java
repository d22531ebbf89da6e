package io.dastyar.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;

import io.dastyar.conversation.ConversationId;
import io.dastyar.system.IcuMessageSource;
import io.dastyar.system.Language;

/** {@code support.csat.*}: the defaults, the documented file, bad settings refused by name, and the NPS sample. */
class CsatPropertiesTest {

    private static CsatProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("support.csat", CsatProperties.class);
    }

    private static CsatSurveyPolicy policy(Map<String, String> settings) {
        var messages = new IcuMessageSource();
        messages.setBasename("i18n/bot");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new CsatSurveyPolicy(bind(settings), messages);
    }

    @Test
    void theDefaultsAndTheDocumentedFileAgree() throws IOException {
        CsatProperties defaults = bind(Map.of());
        var environment = new MockEnvironment();
        new YamlPropertySourceLoader().load("config", new FileSystemResource(Path.of("config/application.yml")))
                .forEach(environment.getPropertySources()::addLast);
        environment.setProperty("DASTYAR_CSAT_WEBHOOK_SECRET", "");
        CsatProperties documented = new Binder(ConfigurationPropertySources.get(environment),
                new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(environment))
                .bindOrCreate("support.csat", CsatProperties.class);
        assertThat(documented).isEqualTo(defaults);
        assertThat(defaults.lateWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.faces()).hasSize(5);
        assertThat(defaults.nps().enabled()).isFalse();
        assertThat(defaults.followUps().flagAfter()).isEqualTo(Duration.ofHours(48));
        assertThat(Files.readString(Path.of("config/application.yml"))).contains("DASTYAR_CSAT_WEBHOOK_SECRET");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "support.csat.faces             | 🙂,🙁                     | support.csat.faces",
            "support.csat.questions.klingon | How did we do?            | support.csat.questions.klingon",
            "support.csat.questions.fa      | ' '                       | support.csat.questions.fa",
            "support.csat.reasons           | a,b,c,d,e,f,g             | support.csat.reasons",
            "support.csat.webhook.url       | ftp://example.com/hook    | support.csat.webhook.url",
            "support.csat.webhook.url       | https://example.com/hook  | support.csat.webhook.secret",
    })
    void aBadSettingIsRefusedNamingItsKey(String key, String value, String named) {
        assertThatThrownBy(() -> bind(Map.of(key, value))).hasStackTraceContaining(named);
    }

    @Test
    void aReasonWithoutWordsStopsStartUpNamingTheKeyToSet() {
        assertThatThrownBy(() -> policy(Map.of("support.csat.reasons", "slow,delivery")))
                .hasMessageContaining("support.csat.reason-labels.delivery.en");
        var labelled = policy(Map.of("support.csat.reasons", "delivery,slow",
                "support.csat.reason-labels.delivery.en", "My order arrived late",
                "support.csat.reason-labels.delivery.fa", "سفارشم دیر رسید",
                "support.csat.reason-labels.delivery.ar", "وصل طلبي متأخراً",
                "support.csat.reason-labels.delivery.az", "Sifarişim gec çatdı"));
        assertThat(labelled.reasons(Language.FA)).containsExactly(Map.entry("delivery", "سفارشم دیر رسید"),
                Map.entry("slow", "خیلی طول کشید"));
    }

    @Test
    void npsAsksAboutOneInNConversationsAndTheSameOneAlwaysTheSameWay() {
        var policy = policy(Map.of("support.csat.nps.enabled", "true", "support.csat.nps.one-in", "5"));
        List<ConversationId> ids = IntStream.range(0, 20_000).mapToObj(i -> new ConversationId(UUID.randomUUID())).toList();
        long asked = ids.stream().filter(policy::asksNps).count();
        assertThat(asked).isBetween(3_600L, 4_400L);
        assertThat(ids).allMatch(id -> policy.asksNps(id) == policy.asksNps(new ConversationId(id.value())));
        assertThat(policy(Map.of()).asksNps(ids.getFirst())).as("off unless enabled").isFalse();
        assertThat(ids).allMatch(policy(Map.of("support.csat.nps.enabled", "true", "support.csat.nps.one-in", "1"))::asksNps);
    }
}
