package io.dastyar.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConversationProperties.class)
class ConversationConfig {

    /**
     * Retries a conversation step that lost a race: an optimistic-lock conflict, or two first messages of one
     * customer opening a conversation at once. Jitter keeps competing writers from colliding again.
     */
    @Bean
    RetryTemplate conversationRetry() {
        return new RetryTemplate(RetryPolicy.builder()
                .maxRetries(50)
                .delay(Duration.ofMillis(10))
                .jitter(Duration.ofMillis(10))
                .multiplier(1.5)
                .maxDelay(Duration.ofMillis(250))
                .predicate(ConversationConfig::lostARace)
                .build());
    }

    private static boolean lostARace(Throwable failure) {
        // Spring Data JDBC wraps the cause in DbActionExecutionException.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyFailureException || t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
