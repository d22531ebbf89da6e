package io.dastyar.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.dastyar.conversation.answer.Answer;
import io.dastyar.support.PostgresTest;
import io.dastyar.system.Language;

/** The bot's answers from the shipped sample knowledge base, ranked by meaning as the service ranks by default. */
@PostgresTest
class KnowledgeAnswersTest {

    @Autowired
    KnowledgeAnswers answers;

    @Test
    void aQuestionTheKnowledgeBaseCoversIsAnswered() {
        assertThat(answers.confidentAnswers("Where is my parcel? I want to track it", Language.EN).answers())
                .extracting(Answer::articleId).first().isEqualTo("track-order");
    }

    /** No answer, rather than an error that loses the customer's message. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.dastyar.knowledge.UnreadableQuestions#all")
    void aQuestionOfInvisibleCharactersAloneGetsNoAnswer(String name, String question) {
        assertThat(answers.confidentAnswers(question, Language.EN).answers()).isEmpty();
    }
}
