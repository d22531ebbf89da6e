package io.dastyar.handoff;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.dastyar.handoff.eta.EtaSettings;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HandoffProperties.class)
class HandoffConfig {

    @Bean
    RoutingProperties routingProperties(HandoffProperties properties) {
        return properties.routing();
    }

    @Bean
    EtaSettings etaSettings(HandoffProperties properties) {
        return properties.eta().settings();
    }

    @Bean
    BusinessHours businessHours(HandoffProperties properties) {
        return BusinessHours.of(properties.hours());
    }

    @Bean
    OpeningText openingText(HandoffProperties properties) {
        return new OpeningText(properties.hours().timeZone(), properties.hours().arabicCalendar());
    }
}
