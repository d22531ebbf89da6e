package io.dastyar.knowledge;

import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
class KnowledgeConfig {

    @Bean
    KnowledgeBase knowledgeBase(KnowledgeProperties properties, ThresholdLearning learning) {
        return new KnowledgeBase(properties, embedder(properties.semantic()), learning::threshold);
    }

    /** The model that ranks by meaning, with its vectors cached on disk; none when switched off. */
    private static Optional<SentenceEmbedder> embedder(KnowledgeProperties.Semantic semantic) {
        if (!semantic.enabled()) {
            return Optional.empty();
        }
        SentenceEmbedder model = semantic.model() == null
                ? OnnxSentenceEmbedder.bundled()
                : OnnxSentenceEmbedder.fromFiles(semantic.model(), semantic.tokenizer(), semantic.pooling());
        return Optional.of(new CachedEmbedder(model, semantic.cache()));
    }
}
