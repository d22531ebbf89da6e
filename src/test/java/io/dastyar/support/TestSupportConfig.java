package io.dastyar.support;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.SurveyPolicy;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    /** Conversation tests script the bot's answers; the knowledge base's own ranking is tested on its own. */
    @Bean
    @Primary
    ScriptedAnswers scriptedAnswers() {
        return new ScriptedAnswers();
    }

    @Bean
    @Primary
    ScriptedSurvey scriptedSurvey(@Qualifier("csatSurveyPolicy") SurveyPolicy configured) {
        return new ScriptedSurvey(configured);
    }

    @Bean
    @Primary
    RecordingChannel recordingChannel(JdbcClient jdbc) {
        return new RecordingChannel(jdbc, RecordingChannel.NAME, true);
    }

    /** Static: it wraps the data source, which is made before the configuration's own beans. */
    @Bean
    static WriteCounter writeCounter() {
        return new WriteCounter();
    }

    @Bean
    RecordingChannel plainTextChannel(JdbcClient jdbc) {
        return new RecordingChannel(jdbc, RecordingChannel.PLAIN, false);
    }
}
