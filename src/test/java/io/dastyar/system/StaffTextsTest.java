package io.dastyar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every staff page text exists in every language, and every text a template names exists. */
class StaffTextsTest {

    /** The same word in English and here, or a name no language translates. */
    private static final Set<String> MAY_EQUAL_ENGLISH = Set.of("staff.dir", "kb.id", "edit.id", "edit.answer.hint",
            "kb.problem", "role.ADMIN", "console.channel", "agents.comma", "reports.nps",
            "reports.csat", "reports.median");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");

    @Test
    void everyLanguageHasEveryKeyAndNoMore() throws IOException {
        Properties english = bundle("en");
        for (String language : List.of("fa", "ar", "az")) {
            Properties translated = bundle(language);
            assertThat(translated.stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
            translated.stringPropertyNames().stream()
                    .filter(key -> !MAY_EQUAL_ENGLISH.contains(key))
                    .forEach(key -> assertThat(translated.getProperty(key)).as(language + " " + key)
                            .isNotBlank().isNotEqualTo(english.getProperty(key)));
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties english = bundle("en");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                var keys = MESSAGE_KEY.matcher(Files.readString(template)).results().map(match -> match.group(1)).toList();
                assertThat(keys).as(template.toString()).allSatisfy(key -> assertThat(english).containsKey(key));
            }
        }
        // The error pages build their keys from the status.
        for (String status : List.of("400", "403", "404", "405", "413", "429", "4xx", "500", "5xx")) {
            assertThat(english).containsKeys("error." + status + ".title", "error." + status + ".text");
        }
    }

    private static Properties bundle(String language) throws IOException {
        String path = "i18n/staff" + ("en".equals(language) ? "" : "_" + language) + ".properties";
        var properties = new Properties();
        try (var in = StaffTextsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
