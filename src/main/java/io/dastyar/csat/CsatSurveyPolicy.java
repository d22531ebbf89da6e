package io.dastyar.csat;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.SurveyPolicy;
import io.dastyar.system.Language;

/**
 * The survey as {@code support.csat.*} sets it. Every reason has words in every language, from the configuration
 * or the bot's bundles ({@code reason.<code>}); a reason without them stops start-up, naming the key to set.
 */
@Component
class CsatSurveyPolicy implements SurveyPolicy {

    private final CsatProperties properties;
    private final Map<Language, Map<String, String>> reasons = new LinkedHashMap<>();

    CsatSurveyPolicy(CsatProperties properties, MessageSource messages) {
        this.properties = properties;
        for (Language language : Language.values()) {
            var labels = new LinkedHashMap<String, String>();
            properties.reasons().forEach(code -> labels.put(code, label(code, language, messages)));
            reasons.put(language, Collections.unmodifiableMap(labels)); // in the configured order
        }
    }

    private String label(String code, Language language, MessageSource messages) {
        String configured = properties.reasonLabels().getOrDefault(code, Map.of()).get(language.tag());
        if (configured != null) {
            return configured;
        }
        try {
            return messages.getMessage("reason." + code, null, language.locale());
        } catch (NoSuchMessageException e) {
            throw new IllegalStateException("support.csat.reasons names \"" + code
                    + "\", which has no words: set support.csat.reason-labels." + code + "." + language.tag(), e);
        }
    }

    @Override
    public Duration reminderAfter() {
        return properties.reminderAfter();
    }

    @Override
    public Duration noResponseAfter() {
        return properties.noResponseAfter();
    }

    @Override
    public Duration lateWindow() {
        return properties.lateWindow();
    }

    /** One in {@code one-in} conversations, picked by the conversation's id: the same answer on every instance. */
    @Override
    public boolean asksNps(ConversationId conversation) {
        return properties.nps().enabled() && Math.floorMod(conversation.value().hashCode(), properties.nps().oneIn()) == 0;
    }

    @Override
    public Optional<String> ratingQuestion(Language language) {
        return properties.question(language);
    }

    @Override
    public List<String> faces() {
        return properties.faces();
    }

    @Override
    public Map<String, String> reasons(Language language) {
        return reasons.get(language);
    }
}
