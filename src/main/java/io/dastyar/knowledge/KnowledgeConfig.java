package io.dastyar.knowledge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.dastyar.knowledge.search.KnowledgeBase;
import io.dastyar.knowledge.search.ThresholdLearning;
import io.dastyar.knowledge.semantic.SentenceEmbedder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
class KnowledgeConfig {

    /** Ranked by meaning too with the configured model, unless that is switched off. */
    @Bean
    KnowledgeBase knowledgeBase(KnowledgeProperties properties, ThresholdLearning learning) {
        return new KnowledgeBase(properties, SentenceEmbedder.configured(properties.semantic()), learning::threshold);
    }
}
