package io.dastyar.handoff;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HandoffProperties.class)
class HandoffConfig {

    @Bean
    RoutingProperties routingProperties(HandoffProperties properties) {
        return properties.routing();
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
