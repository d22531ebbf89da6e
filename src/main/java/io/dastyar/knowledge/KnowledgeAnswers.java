package io.dastyar.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.answer.AnswerSource;
import io.dastyar.conversation.answer.Candidates;
import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.knowledge.search.KnowledgeBase;
import io.dastyar.knowledge.search.SearchResult;
import io.dastyar.knowledge.search.ThresholdLearning;
import io.dastyar.system.Language;

/** The bot's answers: articles whose confidence clears the threshold, best first, and whether it is a close call. */
@Component
class KnowledgeAnswers implements AnswerSource {

    private final Timer searches;
    private final KnowledgeBase knowledgeBase;
    private final KnowledgeProperties properties;
    private final ThresholdLearning thresholds;

    KnowledgeAnswers(KnowledgeBase knowledgeBase, KnowledgeProperties properties, ThresholdLearning thresholds,
                     MeterRegistry meters) {
        this.searches = meters.timer("dastyar.knowledge.search");
        this.knowledgeBase = knowledgeBase;
        this.properties = properties;
        this.thresholds = thresholds;
    }

    @Override
    public Candidates confidentAnswers(String question, Language conversationLanguage) {
        return searches.record(() -> rank(question, conversationLanguage));
    }

    private Candidates rank(String question, Language conversationLanguage) {
        // The customer may write in another language than the conversation started in: follow the text.
        Language language = knowledgeBase.detectLanguage(question).orElse(conversationLanguage);
        SearchResult result = knowledgeBase.search(question, Optional.of(language), properties.maxChoices());
        List<Answer> answers = result.hits().stream()
                .filter(hit -> hit.score() >= thresholds.threshold(language))
                .flatMap(hit -> knowledgeBase.article(language, new ArticleId(hit.id())).stream()
                        .map(article -> new Answer(article.id().value(), language, article.title(), article.body(),
                                hit.score(), article.escalate())))
                .toList();
        // Too close to call: rather than guess, the bot asks which one the customer means.
        boolean closeCall = answers.size() > 1
                && answers.get(0).confidence() - answers.get(1).confidence() <= properties.choiceMargin();
        return new Candidates(answers, closeCall);
    }
}
