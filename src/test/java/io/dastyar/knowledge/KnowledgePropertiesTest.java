package io.dastyar.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How {@code support.knowledge-base.*} binds, where the record's defaults alone cannot tell. */
class KnowledgePropertiesTest {

    private static KnowledgeProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("support.knowledge-base", KnowledgeProperties.class);
    }

    @Test
    void theIndexIsKeptInDataByDefaultAndInMemoryWhenTheFolderIsLeftEmpty() {
        assertThat(bind(Map.of()).indexFolder().normalize()).isEqualTo(Path.of("data/index"));
        assertThat(bind(Map.of("support.knowledge-base.index-dir", "")).indexFolder()).isNull();
    }
}
