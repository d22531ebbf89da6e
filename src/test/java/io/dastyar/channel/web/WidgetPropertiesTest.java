package io.dastyar.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.dastyar.system.Language;

/** How {@code support.widget.*} binds the panel's words per language; start-up refusals are in StartupTest. */
class WidgetPropertiesTest {

    private static WidgetProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("support.widget", WidgetProperties.class);
    }

    @Test
    void withNothingSetEveryLanguageGetsTheBundlesWords() {
        WidgetProperties properties = bind(Map.of());
        for (Language language : Language.values()) {
            assertThat(properties.titleFor(language)).as(language.tag()).isEmpty();
            assertThat(properties.greetingFor(language)).as(language.tag()).isEmpty();
        }
    }

    @Test
    void titlesAndGreetingsAreSetPerLanguageAndOneTitleCanServeTheRest() {
        WidgetProperties properties = bind(Map.of(
                "support.widget.titles.fa", "پشتیبانی انار",
                "support.widget.titles.AR", "خدمة عملاء أنار",
                "support.widget.greetings.az", "  Salam! Anar dəstək xidmətinə xoş gəlmisiniz.  ",
                "support.widget.title", "Anar"));
        assertThat(properties.titleFor(Language.FA)).hasValue("پشتیبانی انار");
        assertThat(properties.titleFor(Language.AR)).hasValue("خدمة عملاء أنار");
        assertThat(properties.titleFor(Language.EN)).as("the one title for the rest").hasValue("Anar");
        assertThat(properties.greetingFor(Language.AZ)).hasValue("Salam! Anar dəstək xidmətinə xoş gəlmisiniz.");
        assertThat(properties.greetingFor(Language.EN)).isEmpty();
    }

    @Test
    void aLanguageTheProductDoesNotSpeakIsRefusedByName() {
        assertThatThrownBy(() -> bind(Map.of("support.widget.titles.klingon", "Qapla'")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("support.widget.titles.klingon").hasMessageContaining("en, fa, ar or az");
        assertThatThrownBy(() -> bind(Map.of("support.widget.greetings.fa", " ")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("support.widget.greetings.fa");
    }
}
