package io.dastyar.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.dastyar.system.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code support.knowledge-base.*}: where the articles are and how they are ranked. Documented in
 * {@code config/application.yml}; the weights and threshold come from the evaluation in the README.
 */
@Validated
@ConfigurationProperties("support.knowledge-base")
public record KnowledgeProperties(
        @DefaultValue("./knowledge-base") @NotNull Path dir,
        @DefaultValue("true") boolean watch,
        /* Where the search indexes are kept between restarts; empty keeps them in memory only. A string, not a
           Path: an empty Path would bind as no value, and so as the default. */
        @DefaultValue("./data/index") @NotNull String indexDir,
        @Valid @DefaultValue Thresholds thresholds,
        @DefaultValue("true") boolean learnThreshold,
        @DefaultValue("3") @Min(1) @Max(10) int maxChoices,
        @DefaultValue("0.05") @DecimalMin("0.0") @DecimalMax("1.0") double choiceMargin,
        @DefaultValue("1.2") @DecimalMin("0.0") double k1,
        @DefaultValue("0.75") @DecimalMin("0.0") @DecimalMax("1.0") double b,
        @DefaultValue("1.0") @DecimalMin("0.0") double titleWeight,
        @DefaultValue("1.0") @DecimalMin("0.0") double questionsWeight,
        @DefaultValue("0.3") @DecimalMin("0.0") double bodyWeight,
        @DefaultValue("0.5") @DecimalMin("0.0") double ngramWeight,
        @DefaultValue("0.3") @DecimalMin("0.0") @DecimalMax("1.0") double phrasingWeight,
        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double centroidWeight,
        @DefaultValue("5") @Min(0) @Max(50) int learningEpochs,
        @Valid @DefaultValue Semantic semantic) {

    /** The index folder must be one this process can write to, or be created where it can write. */
    @AssertTrue(message = "must be a folder this process can write to (or empty, to keep the index in memory)")
    boolean isIndexDir() {
        if (indexFolder() == null) {
            return true;
        }
        Path existing = indexFolder().toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
    }

    /** The index folder must not hold the articles: the folders in it are the index's to clear. */
    @AssertTrue(message = "support.knowledge-base.index-dir must not be the articles' folder "
            + "(support.knowledge-base.dir) or inside it")
    boolean isIndexDirApartFromArticles() {
        return indexFolder() == null || dir == null
                || !indexFolder().toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
    }

    /** Where the indexes are kept, or null to keep them in memory. */
    public Path indexFolder() {
        return indexDir.isBlank() ? null : Path.of(indexDir);
    }

    /**
     * {@code support.knowledge-base.thresholds.*}: the confidence (0-1) an article needs, per language, before
     * the bot answers with it. Languages ranked by meaning and by words alone score on different scales, so
     * each has its own; the defaults are calibrated by the retrieval evaluation (see the README): en on CLINC150's
     * out-of-scope queries, fa and ar with a fifth of their datasets' intents held out; az has no data yet.
     */
    public record Thresholds(
            @DefaultValue("0.38") @DecimalMin("0.0") @DecimalMax("1.0") double en,
            @DefaultValue("0.29") @DecimalMin("0.0") @DecimalMax("1.0") double fa,
            @DefaultValue("0.29") @DecimalMin("0.0") @DecimalMax("1.0") double ar,
            @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double az) {

        public double of(Language language) {
            return switch (language) {
                case EN -> en;
                case FA -> fa;
                case AR -> ar;
                case AZ -> az;
            };
        }
    }

    /** How a model's token vectors become one sentence vector; the model's card says which it was trained with. */
    public enum Pooling { CLS, MEAN }

    /**
     * {@code support.knowledge-base.semantic.*}: ranking by meaning with an in-process sentence-embedding model,
     * blended with the lexical score for the languages the model understands.
     */
    public record Semantic(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("en") @NotNull Set<Language> languages,
            /* An ONNX model file; empty for the bundled bge-small-en-v1.5. */ Path model,
            /* The model's tokenizer.json, needed with {@code model}. */ Path tokenizer,
            @DefaultValue("CLS") @NotNull Pooling pooling,
            @DefaultValue("0.7") @DecimalMin("0.0") @DecimalMax("1.0") double weight,
            @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("0.99") double floor,
            @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double agreement,
            @DefaultValue("./data/embeddings") @NotNull Path cache) {

        /** A model of one's own needs its tokenizer. */
        @AssertTrue(message = "semantic.tokenizer must be set when semantic.model is")
        boolean isTokenizerGivenWithModel() {
            return model == null || tokenizer != null;
        }
    }
}
