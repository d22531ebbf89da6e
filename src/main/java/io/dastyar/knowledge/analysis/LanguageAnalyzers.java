package io.dastyar.knowledge.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.shingle.ShingleAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import io.dastyar.system.Language;

/**
 * The analyzers the knowledge index uses, one per language for the word field and one n-gram variant
 * for the fuzzy second field. They are built once: Lucene analyzers are thread-safe (each thread gets
 * its own token stream chain) and live as long as the application, so they are never closed.
 *
 * <p>Every chain folds digits of any script to ASCII, so "۱۲۳", "١٢٣" and "123" are the same term.
 */
public final class LanguageAnalyzers {

    /**
     * Deliberately tiny. Questions are a handful of words and BM25 already discounts frequent ones, so
     * a long list mostly risks dropping the word that matters ("not", "how", "can"). Only articles,
     * forms of "be", first/second-person pronouns, a few prepositions and greetings go: they appear in
     * nearly every question and say nothing about which article answers it. Persian, Arabic and
     * Azerbaijani keep every word for the same reason; Lucene's own lists for them are long and
     * include question words and negations.
     */
    private static final CharArraySet ENGLISH_STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "a", "an", "the", "is", "are", "am", "was", "were", "be", "been",
            "i", "i'm", "i've", "me", "my", "we", "our", "you", "your", "it", "its",
            "of", "to", "in", "on", "at", "for", "and", "or",
            "please", "hi", "hello", "thanks"), false));

    // Phones type ’ for '; one apostrophe keeps "I’m" and "I'm" (and possessives) the same word.
    private static final NormalizeCharMap APOSTROPHES = charMap("\u2019", "'", "\u2018", "'", "\u02BC", "'");

    // ZWNJ joins the parts of one word (می‌خواهم, سفارش‌ها), so drop it rather than split there:
    // suffixes then reach the stemmer and PersianVerbPrefixFilter handles the verbal prefix.
    private static final NormalizeCharMap ZWNJ = charMap("\u200C", "");

    // 3-grams within words: bigrams of a 30-odd letter alphabet match nearly everything, while three
    // letters is the size of an Arabic root and of most Persian stems. The field catches what the light
    // stemmers miss (attached pronouns, prepositions, typos); see WordBoundaryGramFilter. Adding 4-grams
    // cost 0.5-1 point of top-1 on MASSIVE fa-IR and ArBanking77 once the learned weights ranked.
    static final int MIN_GRAM = 3;
    static final int MAX_GRAM = 3;

    // Nobody runs a prefix or fuzzy query over n-grams.
    private static final UnaryOperator<TokenStream> NO_NORMALISER = UnaryOperator.identity();

    private static final Map<Language, Analyzer> WORDS = byLanguage(LanguageAnalyzers::words);
    private static final Map<Language, Analyzer> NGRAMS = byLanguage(LanguageAnalyzers::ngramsOf);
    private static final Map<Language, Analyzer> WORD_PAIRS = byLanguage(language ->
            new ShingleAnalyzerWrapper(forLanguage(language), 2, 2, " ", false, false, "_"));

    private LanguageAnalyzers() {
    }

    /** The analyzer for a language's word field, the same instance for index and query. */
    public static Analyzer forLanguage(Language language) {
        return WORDS.get(Objects.requireNonNull(language, "language"));
    }

    /**
     * Normalised words cut into overlapping 3-grams. The index keeps this second field for Persian and
     * Arabic; the other languages have one too so callers need not special-case them.
     */
    public static Analyzer ngrams(Language language) {
        return NGRAMS.get(Objects.requireNonNull(language, "language"));
    }

    /**
     * Pairs of neighbouring words, as the language's word field analyses them ("پخش کن" against "گوش کن").
     * Only the learned question weights use them: as BM25 fields they gained under half a point.
     */
    public static Analyzer wordPairs(Language language) {
        return WORD_PAIRS.get(Objects.requireNonNull(language, "language"));
    }

    /**
     * The distinct terms a language's word field makes of a text (stemmed, normalised), for comparing texts
     * without handing Lucene's types to the caller.
     */
    public static Set<String> terms(Language language, String text) {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = forLanguage(language).tokenStream("question", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
        return terms;
    }

    /** Persian with or without PersianStemFilter; {@link #forLanguage} uses the stemming one. */
    static Analyzer persian(boolean stem) {
        return analyzer(ZWNJ, source -> {
            TokenStream result = new PersianVerbPrefixFilter(arabicScriptNormalised(source));
            return stem ? new PersianStemFilter(result) : result;
        }, LanguageAnalyzers::arabicScriptNormalised);
    }

    private static Analyzer words(Language language) {
        return switch (language) {
            // Porter rather than KStem: KStem leaves "orders", "cancellation", "shipping" as they are.
            case EN -> analyzer(APOSTROPHES, source -> new PorterStemFilter(
                    new StopFilter(englishNormalised(source), ENGLISH_STOP_WORDS)),
                    in -> new DecimalDigitFilter(new LowerCaseFilter(in)));
            case FA -> persian(true);
            case AR -> analyzer(null, source -> new ArabicStemFilter(arabicScriptNormalised(source)),
                    LanguageAnalyzers::arabicScriptNormalised);
            case AZ -> new AzerbaijaniAnalyzer();
        };
    }

    private static Analyzer ngramsOf(Language language) {
        return switch (language) {
            case EN -> analyzer(APOSTROPHES, source -> grams(englishNormalised(source)), NO_NORMALISER);
            case FA -> analyzer(ZWNJ, source -> grams(arabicScriptNormalised(source)), NO_NORMALISER);
            case AR -> analyzer(null, source -> grams(arabicScriptNormalised(source)), NO_NORMALISER);
            case AZ -> analyzer(null, source -> grams(AzerbaijaniAnalyzer.normalise(source)), NO_NORMALISER);
        };
    }

    private static TokenStream englishNormalised(TokenStream source) {
        return new DecimalDigitFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
    }

    // Lucene's Persian order, shared by Persian and Arabic. The two normalisers unify the Arabic and
    // Persian keyboard forms (ي ی ى, ك ک, ة ه, alef variants) and drop diacritics and tatweel; Arabic
    // needs the Persian one too because the same phone often carries a Persian keyboard. They unify
    // towards the Arabic code points, which both stemmers expect; terms are never shown to anyone.
    private static TokenStream arabicScriptNormalised(TokenStream source) {
        TokenStream result = new DecimalDigitFilter(new LowerCaseFilter(source));
        return new PersianNormalizationFilter(new ArabicNormalizationFilter(result));
    }

    private static TokenStream grams(TokenStream words) {
        return new WordBoundaryGramFilter(words, MIN_GRAM, MAX_GRAM);
    }

    /**
     * The normaliser holds the per-character steps only; Lucene applies it to prefix, wildcard and
     * fuzzy query terms, which must not be stemmed but must be spelled like the indexed terms.
     */
    private static Analyzer analyzer(NormalizeCharMap chars, Function<Tokenizer, TokenStream> filters,
            UnaryOperator<TokenStream> normaliser) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, filters.apply(source));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return chars == null ? reader : new MappingCharFilter(chars, reader);
            }

            @Override
            protected Reader initReaderForNormalization(String fieldName, Reader reader) {
                return initReader(fieldName, reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return normaliser.apply(in);
            }
        };
    }

    private static NormalizeCharMap charMap(String... pairs) {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (int i = 0; i < pairs.length; i += 2) {
            builder.add(pairs[i], pairs[i + 1]);
        }
        return builder.build();
    }

    private static Map<Language, Analyzer> byLanguage(Function<Language, Analyzer> factory) {
        Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            analyzers.put(language, factory.apply(language));
        }
        // Filled once during class initialisation, hence safely published to every thread.
        return Collections.unmodifiableMap(analyzers);
    }

    /**
     * Splits the verbal prefix می / نمی off a verb typed without a space or ZWNJ, so "میخواهم",
     * "می‌خواهم" and "می خواهم" all become [می, خواهم]. Runs after normalisation, hence the Arabic
     * yeh below. A noun that only starts with these letters (میزان) is split as well, but identically
     * in articles and questions, so it still matches itself. The prefixes are marked as keywords so
     * the stemmer does not cut نمی down to نم, whether split off here or typed on their own.
     */
    static final class PersianVerbPrefixFilter extends TokenFilter {

        private static final char[][] PREFIXES = {"\u0646\u0645\u064A".toCharArray(), "\u0645\u064A".toCharArray()};
        // میوه and میان stay whole only below this; two letters already covers میشه → می + شه.
        private static final int MIN_REST = 2;

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private State rest;

        PersianVerbPrefixFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (rest != null) {
                restoreState(rest);
                rest = null;
                position.setPositionIncrement(1);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            for (char[] prefix : PREFIXES) {
                if (startsWith(prefix)) {
                    split(prefix);
                    break;
                }
            }
            return true;
        }

        private void split(char[] prefix) {
            int restLength = term.length() - prefix.length;
            if (restLength >= MIN_REST) {
                term.copyBuffer(term.buffer(), prefix.length, restLength);
                rest = captureState();
                term.copyBuffer(prefix, 0, prefix.length);
                keyword.setKeyword(true);
            } else if (restLength == 0) {
                keyword.setKeyword(true);
            }
        }

        private boolean startsWith(char[] prefix) {
            if (term.length() < prefix.length) {
                return false;
            }
            char[] buffer = term.buffer();
            for (int i = 0; i < prefix.length; i++) {
                if (buffer[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            rest = null;
        }
    }
}
