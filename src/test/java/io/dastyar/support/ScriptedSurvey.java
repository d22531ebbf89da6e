package io.dastyar.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.SurveyPolicy;
import io.dastyar.system.Language;

/**
 * The application's survey settings, except that a test may pick a conversation for the NPS question: ids are
 * random, so the configured one-in-N sample would pick a test's conversation by chance.
 */
public class ScriptedSurvey implements SurveyPolicy {

    private final SurveyPolicy configured;
    private final Set<ConversationId> askedNps = ConcurrentHashMap.newKeySet();

    ScriptedSurvey(SurveyPolicy configured) {
        this.configured = configured;
    }

    public void askNps(ConversationId conversation) {
        askedNps.add(conversation);
    }

    @Override
    public boolean asksNps(ConversationId conversation) {
        return askedNps.contains(conversation) || configured.asksNps(conversation);
    }

    @Override
    public Duration reminderAfter() {
        return configured.reminderAfter();
    }

    @Override
    public Duration noResponseAfter() {
        return configured.noResponseAfter();
    }

    @Override
    public Duration lateWindow() {
        return configured.lateWindow();
    }

    @Override
    public Optional<String> ratingQuestion(Language language) {
        return configured.ratingQuestion(language);
    }

    @Override
    public List<String> faces() {
        return configured.faces();
    }

    @Override
    public Map<String, String> reasons(Language language) {
        return configured.reasons(language);
    }
}
