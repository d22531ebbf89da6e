package io.dastyar.knowledge;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import jakarta.validation.Validation;

/**
 * {@code support.knowledge-base.*} for tests and tools that run the knowledge base without a Spring context,
 * bound and validated as the service binds them: the defaults are the record's own, and only the settings
 * given here differ. Settings are named as in {@code application.yml}, under the prefix:
 * {@code Map.of("semantic.enabled", false)}.
 */
public final class KnowledgeSettings {

    private static final String PREFIX = "support.knowledge-base";
    /** Built once: building it takes a while, and it is thread-safe. */
    private static final BindHandler VALIDATING = new ValidationBindHandler(
            new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()));

    private KnowledgeSettings() {
    }

    /** The settings a service with no {@code support.knowledge-base.*} configured runs with. */
    public static KnowledgeProperties defaults() {
        return bind(Map.of());
    }

    public static KnowledgeProperties bind(Map<String, ?> settings) {
        var source = new HashMap<String, Object>();
        settings.forEach((name, value) -> source.put(PREFIX + "." + name, value));
        return new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate(PREFIX, Bindable.of(KnowledgeProperties.class), VALIDATING);
    }
}
