package io.dastyar.knowledge;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Questions with nothing to read in them: invisible characters alone, as a phone keyboard, a copy from a web
 * page or a right-to-left editor can send. A sentence-embedding model refuses them.
 */
public final class UnreadableQuestions {

    private UnreadableQuestions() {
    }

    /** Each as {@code (name, question)}, for a parameterized test. */
    public static Stream<Arguments> all() {
        return Stream.of(
                arguments("zero-width space", "\u200B"),
                arguments("zero-width non-joiner", "\u200C"),
                arguments("no-break space", "\u00A0"),
                arguments("right-to-left override", "\u202E"),
                arguments("byte order mark", "\uFEFF"),
                arguments("soft hyphen", "\u00AD"),
                arguments("lone combining acute accent", "\u0301"),
                arguments("several of them", "\u200B\u00A0\u200C\uFEFF\u00AD"));
    }
}
