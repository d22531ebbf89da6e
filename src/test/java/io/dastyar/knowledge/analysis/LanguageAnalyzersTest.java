package io.dastyar.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.dastyar.system.Language;

class LanguageAnalyzersTest {

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    static List<String> tokens(Language language, String text) {
        return tokens(LanguageAnalyzers.forLanguage(language), text);
    }

    @Test
    void analyzersAreBuiltOncePerLanguage() {
        for (Language language : Language.values()) {
            assertThat(LanguageAnalyzers.forLanguage(language)).isSameAs(LanguageAnalyzers.forLanguage(language));
            assertThat(LanguageAnalyzers.ngrams(language)).isSameAs(LanguageAnalyzers.ngrams(language))
                    .isNotSameAs(LanguageAnalyzers.forLanguage(language));
        }
    }

    @Test
    void oneAnalyzerServesManyThreadsAtOnce() {
        Analyzer persian = LanguageAnalyzers.forLanguage(Language.FA);
        String text = "سفارش‌ها را می‌خواهم";
        List<String> expected = tokens(persian, text);
        List<List<String>> results = IntStream.range(0, 500).parallel().mapToObj(i -> tokens(persian, text)).toList();
        assertThat(expected).containsExactly("سفارش", "را", "مي", "خواهم");
        assertThat(results).containsOnly(expected);
    }

    @Test
    void queryTermNormalisationSpellsLikeTheIndexButDoesNotStem() {
        // What Lucene applies to prefix, wildcard and fuzzy terms.
        assertThat(LanguageAnalyzers.forLanguage(Language.EN).normalize("body", "Refunds").utf8ToString())
                .isEqualTo("refunds");
        assertThat(LanguageAnalyzers.forLanguage(Language.FA).normalize("body", "كيف۱۲").utf8ToString())
                .isEqualTo(LanguageAnalyzers.forLanguage(Language.FA).normalize("body", "کیف12").utf8ToString());
        assertThat(LanguageAnalyzers.forLanguage(Language.AZ).normalize("body", "SİFARİŞLƏR").utf8ToString())
                .isEqualTo("sifarisler");
    }

    @Nested
    class English {

        @Test
        void inflectionsShareTheStem() {
            assertThat(tokens(Language.EN, "refund refunds refunded refunding Refunds"))
                    .containsExactly("refund", "refund", "refund", "refund", "refund");
            assertThat(tokens(Language.EN, "cancelled cancellation orders ordered"))
                    .containsExactly("cancel", "cancel", "order", "order");
        }

        @Test
        void possessivesAndContractionsDoNotLeaveDebris() {
            assertThat(tokens(Language.EN, "the customer's refund")).containsExactly("custom", "refund");
            assertThat(tokens(Language.EN, "I'm waiting")).containsExactly("wait");
            assertThat(tokens(Language.EN, "I’m waiting for my order’s refund"))
                    .isEqualTo(tokens(Language.EN, "I'm waiting for my order's refund"))
                    .containsExactly("wait", "order", "refund");
        }

        @Test
        void keepsTheWordsThatCarryTheQuestion() {
            // Negations and question words stay; a long stop list would drop them.
            assertThat(tokens(Language.EN, "Why is my order not shipped? How can I cancel?"))
                    .containsExactly("why", "order", "not", "ship", "how", "can", "cancel");
        }

        @Test
        void digitsOfAnyScriptBecomeAscii() {
            assertThat(tokens(Language.EN, "order ۱۲۳ and ١٢٣")).containsExactly("order", "123", "123");
        }
    }

    @Nested
    class Persian {

        @Test
        void arabicKeyboardLettersMatchPersianOnes() {
            assertThat(tokens(Language.FA, "كيف")).isEqualTo(tokens(Language.FA, "کیف")).hasSize(1);
            assertThat(tokens(Language.FA, "سفارش كي مي‌رسد")).isEqualTo(tokens(Language.FA, "سفارش کی می‌رسد"));
            // Alef maksura is typed for yeh at the end of a word, too.
            assertThat(tokens(Language.FA, "کى")).isEqualTo(tokens(Language.FA, "کی"));
        }

        @Test
        void zwnjJoinedAndSpacedVerbsGiveTheSameTokens() {
            List<String> withZwnj = tokens(Language.FA, "می\u200Cخواهم");
            assertThat(withZwnj).hasSize(2).endsWith("خواهم");
            assertThat(tokens(Language.FA, "میخواهم")).isEqualTo(withZwnj);
            assertThat(tokens(Language.FA, "می خواهم")).isEqualTo(withZwnj);
            assertThat(tokens(Language.FA, "نمی\u200Cتوانم"))
                    .isEqualTo(tokens(Language.FA, "نمیتوانم"))
                    .isEqualTo(tokens(Language.FA, "نمی توانم"))
                    .containsExactly("نمي", "توانم");
        }

        @Test
        void theSplitVerbKeepsItsPositionsInOrder() throws IOException {
            try (TokenStream stream = LanguageAnalyzers.forLanguage(Language.FA).tokenStream("body", "من میخواهم")) {
                PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
                List<Integer> increments = new ArrayList<>();
                stream.reset();
                while (stream.incrementToken()) {
                    increments.add(increment.getPositionIncrement());
                }
                stream.end();
                assertThat(increments).containsExactly(1, 1, 1);
            }
        }

        @Test
        void pluralSuffixesReachTheStemmerWhateverTheSpacing() {
            assertThat(tokens(Language.FA, "سفارش‌ها")).isEqualTo(tokens(Language.FA, "سفارشها"))
                    .isEqualTo(tokens(Language.FA, "سفارش"));
        }

        @Test
        void stemmingCanBeSwitchedOff() {
            assertThat(tokens(LanguageAnalyzers.persian(false), "سفارشها")).containsExactly("سفارشها");
            assertThat(tokens(LanguageAnalyzers.persian(true), "سفارشها")).containsExactly("سفارش");
        }

        @Test
        void persianAndArabicIndicDigitsBecomeAscii() {
            assertThat(tokens(Language.FA, "۱۲۳")).containsExactly("123");
            assertThat(tokens(Language.FA, "١٢٣")).containsExactly("123");
        }
    }

    @Nested
    class Arabic {

        @Test
        void normalisesAlefTehMarbutaAndDiacritics() {
            assertThat(tokens(Language.AR, "أحمد إلغاء آخر")).isEqualTo(tokens(Language.AR, "احمد الغاء اخر"));
            assertThat(tokens(LanguageAnalyzers.ngrams(Language.AR), "مكتبة")).contains("كتب", "تبه", "به_");
            assertThat(tokens(Language.AR, "طَلَبٌ")).isEqualTo(tokens(Language.AR, "طلب")).containsExactly("طلب");
            assertThat(tokens(Language.AR, "طـــلب")).containsExactly("طلب");
        }

        @Test
        void lightStemmingJoinsArticleAndPluralForms() {
            assertThat(tokens(Language.AR, "الطلبات طلبات الطلب طلبي"))
                    .containsExactly("طلب", "طلب", "طلب", "طلب");
        }

        @Test
        void digitsBecomeAscii() {
            assertThat(tokens(Language.AR, "رقم ١٢٣")).endsWith("123");
        }

        @Test
        void persianKeyboardLettersMatchArabicOnes() {
            assertThat(tokens(Language.AR, "کیف")).isEqualTo(tokens(Language.AR, "كيف"));
        }
    }

    @Nested
    class Azerbaijani {

        private final Analyzer foldingOnly = new AzerbaijaniAnalyzer(false);

        @Test
        void dottedCapitalIBecomesPlainI() {
            assertThat(tokens(foldingOnly, "İSTİFADƏ")).containsExactly("istifade");
        }

        @Test
        void capitalILowerCasesToDotlessIBeforeFolding() {
            Analyzer lowerCaseOnly = new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    Tokenizer source = new StandardTokenizer();
                    return new TokenStreamComponents(source, AzerbaijaniAnalyzer.lowerCase(source));
                }
            };
            assertThat(tokens(lowerCaseOnly, "IŞIQ İŞ Bakı'da")).containsExactly("ışıq", "iş", "bakı");
            assertThat(tokens(foldingOnly, "IŞIQ")).containsExactly("isiq");
        }

        @Test
        void asciiTypedWordsMatchTheProperSpelling() {
            assertThat(tokens(Language.AZ, "sifarişim")).isEqualTo(tokens(Language.AZ, "sifarisim"));
            assertThat(tokens(Language.AZ, "Ödəniş çatdırılma üçün")).isEqualTo(tokens(Language.AZ, "odenis catdirilma ucun"));
            assertThat(tokens(foldingOnly, "ləğv")).isEqualTo(tokens(foldingOnly, "legv")).containsExactly("legv");
        }

        @Test
        void inflectedFormsShareTheStem() {
            assertThat(tokens(Language.AZ, "sifariş sifarişlər sifarişimi sifarişdən sifarişlərimizdən sifarişinizi"))
                    .containsOnly("sifaris").hasSize(6);
            assertThat(tokens(Language.AZ, "kartım kartla kartdan")).containsOnly("kart");
        }

        @Test
        void shortWordsAndCodesAreLeftAlone() {
            assertThat(tokens(Language.AZ, "pul kod ev a12")).containsExactly("pul", "kod", "ev", "a12");
            assertThat(tokens(Language.AZ, "pulu kodu")).containsExactly("pul", "kod");
        }

        @Test
        void digitsBecomeAscii() {
            assertThat(tokens(Language.AZ, "۱۲۳")).containsExactly("123");
        }
    }

    @Nested
    class Ngrams {

        @Test
        void yieldsOverlappingGramsWithinWordsMarkedAtTheirEnds() {
            assertThat(tokens(LanguageAnalyzers.ngrams(Language.FA), "سفارش"))
                    .containsExactlyInAnyOrder("_سف", "سفا", "فار", "ارش", "رش_");
        }

        @Test
        void keepsShortWordsWholeAndNeverCrossesWords() {
            assertThat(tokens(LanguageAnalyzers.ngrams(Language.AR), "كم طلب"))
                    .containsExactlyInAnyOrder("_كم", "كم_", "_طل", "طلب", "لب_");
        }

        @Test
        void eachGramIsATermOfItsOwnNotASynonymOfItsWord() throws IOException {
            try (TokenStream stream = LanguageAnalyzers.ngrams(Language.AR).tokenStream("body", "طلب")) {
                PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    assertThat(position.getPositionIncrement()).isEqualTo(1);
                }
                stream.end();
            }
        }

        @Test
        void attachedPronounsStillShareGrams() {
            List<String> query = tokens(LanguageAnalyzers.ngrams(Language.AR), "بطلبي");
            assertThat(query).contains("طلب");
            assertThat(tokens(LanguageAnalyzers.ngrams(Language.AR), "الطلب")).contains("طلب");
        }

        @Test
        void wordPairsAreTheWordFieldsTermsTwoByTwo() {
            assertThat(tokens(LanguageAnalyzers.wordPairs(Language.FA), "آهنگ را پخش کن"))
                    .isEqualTo(pairs(tokens(Language.FA, "آهنگ را پخش کن")));
            assertThat(tokens(LanguageAnalyzers.wordPairs(Language.AR), "الغاء")).isEmpty();
        }

        private static List<String> pairs(List<String> words) {
            return IntStream.range(1, words.size()).mapToObj(i -> words.get(i - 1) + " " + words.get(i)).toList();
        }

        @Test
        void normalisesBeforeCutting() {
            assertThat(tokens(LanguageAnalyzers.ngrams(Language.FA), "ميخواهم"))
                    .isEqualTo(tokens(LanguageAnalyzers.ngrams(Language.FA), "می‌خواهم"));
            assertThat(tokens(LanguageAnalyzers.ngrams(Language.AZ), "Sifariş")).contains("sif", "ari", "ris");
        }
    }
}
