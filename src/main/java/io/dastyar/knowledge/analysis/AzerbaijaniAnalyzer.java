package io.dastyar.knowledge.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;

/**
 * Azerbaijani (Latin script), which Lucene does not ship. Chain: StandardTokenizer → apostrophe cut
 * (Bakı'da → Bakı) → Turkish lower-casing (I → ı, İ → i) → digits in any script to ASCII → folding of
 * ə ı ö ü ş ç ğ to their ASCII look-alikes → light suffix stripping.
 *
 * <p>Folding throws away a distinction the language has (ı/i, ə/e), but customers type on keyboards
 * without those letters far more often than two articles differ only by them, so both the articles
 * and the questions are folded and the ASCII spelling matches the proper one.
 */
final class AzerbaijaniAnalyzer extends Analyzer {

    private final boolean stem;

    AzerbaijaniAnalyzer() {
        this(true);
    }

    /** Without stemming the analyzer only normalises, which the tests and the n-gram field use. */
    AzerbaijaniAnalyzer(boolean stem) {
        this.stem = stem;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = normalise(source);
        return new TokenStreamComponents(source, stem ? new SuffixFilter(result) : result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        // For prefix, wildcard and fuzzy query terms: the per-character steps only, no stemming.
        return new FoldingFilter(new DecimalDigitFilter(new TurkishLowerCaseFilter(in)));
    }

    /** Apostrophe suffixes cut, lower-cased the Azerbaijani way, ASCII digits; letters still Azerbaijani. */
    static TokenStream lowerCase(TokenStream in) {
        return new DecimalDigitFilter(new TurkishLowerCaseFilter(new ApostropheFilter(in)));
    }

    /** {@link #lowerCase} then folded to the ASCII spelling; shared with the n-gram field. */
    static TokenStream normalise(TokenStream in) {
        return new FoldingFilter(lowerCase(in));
    }

    /**
     * The ASCII letter customers type in place of an Azerbaijani one. Expects lower case. ä is the
     * stand-in for ə on some older keyboards and transliterations.
     */
    static char fold(char c) {
        return switch (c) {
            case 'ə', 'ä' -> 'e';
            case 'ı' -> 'i';
            case 'ö' -> 'o';
            case 'ü' -> 'u';
            case 'ş' -> 's';
            case 'ç' -> 'c';
            case 'ğ' -> 'g';
            default -> c;
        };
    }

    /** Applies {@link #fold} in place; every replacement is one char for one char. */
    static final class FoldingFilter extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        FoldingFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            for (int i = 0, length = term.length(); i < length; i++) {
                buffer[i] = fold(buffer[i]);
            }
            return true;
        }
    }

    /**
     * A light stemmer for folded words: peels up to {@value #MAX_STRIPS} inflectional suffixes off the
     * end, longest match first, as long as {@value #MIN_STEM} letters remain. It is no morphological
     * analyser: a word that merely ends like a suffix (maşın → mas) loses it too, but the same way in
     * articles and questions, so it still finds itself; the minimum stem keeps short words (pul, kod,
     * ev) intact. Derivational suffixes and verb endings are left alone on purpose.
     */
    static final class SuffixFilter extends TokenFilter {

        static final int MIN_STEM = 3;
        static final int MAX_STRIPS = 4;

        // Folded (ə→e, ı→i, ü→u, so vowel harmony pairs collapse), longest first.
        private static final char[][] SUFFIXES = chars(
                "imiz", "iniz", "umuz", "unuz", // our / your (plural) after a consonant
                "lar", "ler", // plural
                "dan", "den", // ablative
                "nin", "nun", // genitive after a vowel
                "miz", "niz", // our / your (plural) after a vowel
                "yla", "yle", // instrumental after a vowel
                "da", "de", // locative
                "ya", "ye", // dative after a vowel
                "ni", "nu", // accusative after a vowel
                "si", "su", // his / her after a vowel
                "la", "le", // instrumental
                "im", "um", // my
                "in", "un", // your (singular), genitive
                "a", "e", "i", "u"); // dative, accusative, his / her

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

        SuffixFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (!keyword.isKeyword() && lettersOnly()) {
                int length = term.length();
                for (int strips = 0; strips < MAX_STRIPS; strips++) {
                    int cut = longestSuffix(term.buffer(), length);
                    if (cut == 0) {
                        break;
                    }
                    length -= cut;
                }
                term.setLength(length);
            }
            return true;
        }

        // Model numbers and codes (a12, 3g) are not words; leave them as typed.
        private boolean lettersOnly() {
            char[] buffer = term.buffer();
            for (int i = 0, length = term.length(); i < length; i++) {
                if (!Character.isLetter(buffer[i])) {
                    return false;
                }
            }
            return true;
        }

        private static int longestSuffix(char[] word, int length) {
            for (char[] suffix : SUFFIXES) {
                if (length - suffix.length >= MIN_STEM && endsWith(word, length, suffix)) {
                    return suffix.length;
                }
            }
            return 0;
        }

        private static boolean endsWith(char[] word, int length, char[] suffix) {
            int start = length - suffix.length;
            for (int i = 0; i < suffix.length; i++) {
                if (word[start + i] != suffix[i]) {
                    return false;
                }
            }
            return true;
        }

        private static char[][] chars(String... suffixes) {
            char[][] result = new char[suffixes.length][];
            for (int i = 0; i < suffixes.length; i++) {
                result[i] = suffixes[i].toCharArray();
            }
            return result;
        }
    }
}
