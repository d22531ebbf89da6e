package io.dastyar.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SystemConfig {

    /** All features read time from here, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
