package io.dastyar.knowledge.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled model, with texts it has nothing to read in. */
class OnnxSentenceEmbedderTest {

    private static final OnnxSentenceEmbedder MODEL = OnnxSentenceEmbedder.bundled();

    @Test
    void aTextWithNothingToReadGetsZerosAndTheOthersAUnitVectorEach() {
        List<float[]> vectors = MODEL.embedAll(List.of("where is my parcel", "\u200B\u00A0", "refund"));

        assertThat(vectors).hasSize(3).allSatisfy(vector -> assertThat(vector).hasSize(384));
        assertThat(norm(vectors.get(0))).isCloseTo(1, within(1e-4));
        assertThat(vectors.get(1)).containsOnly(0f);
        assertThat(norm(vectors.get(2))).isCloseTo(1, within(1e-4));
        assertThat(MODEL.embedAll(List.of("\u200B", "\u0301"))).allSatisfy(vector -> assertThat(vector).containsOnly(0f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.dastyar.knowledge.UnreadableQuestions#all")
    void invisibleCharactersAloneAreNotReadable(String name, String question) {
        assertThat(OnnxSentenceEmbedder.readable(question)).isFalse();
        assertThat(MODEL.embedQuery(question)).containsOnly(0f);
    }

    @Test
    void anythingVisibleIsReadable() {
        assertThat(List.of("?", "a\u0301", "\u200Bhi", "\uD83D\uDE00", "سفارش", "۱۲۳"))
                .allMatch(OnnxSentenceEmbedder::readable);
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
