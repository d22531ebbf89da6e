package io.dastyar.system;

import java.time.Clock;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SystemConfig {

    /** Boot's own {@code spring.messages.*} settings, applied to the ICU-backed message source below. */
    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    /** Every bot, widget and staff text goes through ICU, for plural forms; see {@link IcuMessageSource}. */
    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        var messages = new IcuMessageSource();
        messages.setBasenames(properties.getBasename().toArray(String[]::new));
        messages.setDefaultEncoding(properties.getEncoding().name());
        messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        if (properties.getCacheDuration() != null) {
            messages.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        return messages;
    }

    /** All features read time from here, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
