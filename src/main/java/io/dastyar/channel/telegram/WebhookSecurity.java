package io.dastyar.channel.telegram;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The webhook is Telegram's, not a browser's: no session, no CSRF token (Telegram cannot send one), no sign-in. Its
 * secret header is what {@link WebhookController} checks.
 */
@Configuration(proxyBeanMethods = false)
@TelegramOn
@ConditionalOnProperty(name = "support.telegram.mode", havingValue = "webhook")
class WebhookSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain telegramWebhookSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(WebhookController.PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
