package io.dastyar.conversation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.dastyar.system.Language;

/**
 * Whether a customer's own words ask for a person: "I want to talk to a human", «میخوام با اپراتور صحبت کنم»,
 * «أريد التحدث مع موظف», «operatorla danışmaq istəyirəm». The words and patterns are bundle text ({@code person.*}
 * in {@code i18n/bot*.properties}, whose format bot.properties describes), so translators keep them; this class
 * normalises the message and matches whole words. Every language's rules are tried, the conversation's first,
 * because customers switch language. See docs/person-requests.md.
 */
@Component
class PersonRequests {

    /** A {@code ~} in a pattern stands for up to this many other words. */
    static final int GAP = 4;
    /** A word of {@code person.unless-before} cancels a match this many words before it, or inside it. */
    static final int BEFORE = 3;
    /** A phrase of {@code person.unless-after} cancels a match when it starts at most this many words after it. */
    static final int AFTER = 1;
    /**
     * Words for a person (human, someone, team) at least this long also match with one typo inside the word (a
     * letter added, left out, changed or two swapped; the first and last letters right). Not the other lists: a
     * typo away from «میخوام» is «نمیخوام», and from «danışım» is «danışdım».
     */
    static final int TYPO_LENGTH = 6;

    /** A message of more words than this is never a request by {@code person.alone}. */
    static final int ALONE_WORDS = 8;

    private static final List<String> PERSON_CLASSES = List.of("human", "someone", "team");
    private static final List<String> CLASSES = List.of("human", "someone", "team", "talk", "want");

    private final Map<Language, Rules> rules = new EnumMap<>(Language.class);

    PersonRequests(MessageSource messages) {
        for (Language language : Language.values()) {
            rules.put(language, Rules.parse(language, key -> messages.getMessage(key, null, language.locale())));
        }
    }

    /** True when the text asks for a person in any language, the given one (if any) tried first. */
    boolean isRequest(String text, @Nullable Language first) {
        return explain(text, first).isPresent();
    }

    /** Which rule found a request in the text ("fa: {human} ~ {talk}"), or empty when it is none. */
    Optional<String> explain(String text, @Nullable Language first) {
        List<Token> tokens = Words.tokens(text, false);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        Stream<Language> order = Stream.concat(Stream.ofNullable(first),
                Arrays.stream(Language.values()).filter(language -> language != first));
        return order.map(language -> rules.get(language).explain(tokens).map(rule -> language.tag() + ": " + rule))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** A normalised word and the clause it stands in (clauses end at punctuation). */
    record Token(String word, int clause) {
    }

    /** One word of a list or pattern: {@code *} at its start or end lets any letters stand there. */
    record Word(String text, boolean anyStart, boolean anyEnd, boolean typos) {

        static Word parse(String token, boolean typosAllowed) {
            boolean anyStart = token.startsWith("*");
            boolean anyEnd = token.length() > 1 && token.endsWith("*");
            String text = token.substring(anyStart ? 1 : 0, token.length() - (anyEnd ? 1 : 0));
            if (text.isEmpty() || text.contains("*")) {
                throw new IllegalArgumentException("'" + token + "' is no word");
            }
            return new Word(text, anyStart, anyEnd, typosAllowed && !anyStart && text.length() >= TYPO_LENGTH);
        }

        boolean plain() {
            return !anyStart && !anyEnd && !typos;
        }

        boolean matches(String word) {
            if (anyStart && anyEnd) {
                return word.contains(text);
            }
            if (anyStart) {
                return word.endsWith(text);
            }
            if (anyEnd) {
                if (word.startsWith(text)) {
                    return true;
                }
                for (int length = text.length() - 1; typos && length <= Math.min(word.length(), text.length() + 1); length++) {
                    if (oneTypoApart(word, length, text)) {
                        return true;
                    }
                }
                return false;
            }
            return word.equals(text) || typos && oneTypoApart(word, word.length(), text);
        }

        /**
         * Whether the first {@code la} letters of {@code a} are {@code b} with one letter added, left out, changed,
         * or two neighbours swapped, inside the word: the first and last letters are right.
         */
        static boolean oneTypoApart(String a, int la, String b) {
            int lb = b.length();
            if (Math.abs(la - lb) > 1 || la < 2 || a.charAt(0) != b.charAt(0) || a.charAt(la - 1) != b.charAt(lb - 1)) {
                return false;
            }
            int i = 0;
            while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            if (la == lb) {
                return i == la || a.regionMatches(i + 1, b, i + 1, la - i - 1)
                        || i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                        && a.regionMatches(i + 2, b, i + 2, la - i - 2);
            }
            return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : a.regionMatches(i, b, i + 1, la - i);
        }
    }

    /**
     * The entries of one list, each one or more words. Entries of one plain word are looked up; the others are
     * found by their first letter, which even a typo leaves alone; only entries beginning with a * are scanned.
     */
    record Phrases(Set<String> plainWords, Map<Character, List<List<Word>>> byFirstLetter, List<List<Word>> scanned) {

        static Phrases of(List<List<Word>> entries) {
            var plainWords = new HashSet<String>();
            var byFirstLetter = new HashMap<Character, List<List<Word>>>();
            var scanned = new ArrayList<List<Word>>();
            for (List<Word> entry : entries) {
                Word first = entry.getFirst();
                if (entry.size() == 1 && first.plain()) {
                    plainWords.add(first.text());
                } else if (!first.anyStart()) {
                    byFirstLetter.computeIfAbsent(first.text().charAt(0), ignored -> new ArrayList<>()).add(entry);
                } else {
                    scanned.add(entry);
                }
            }
            return new Phrases(Set.copyOf(plainWords), Map.copyOf(byFirstLetter), List.copyOf(scanned));
        }

        /**
         * For every token, where the entries that start there end (none: an empty array). Tokens marked in
         * {@code excluded} are in no entry.
         */
        int[][] ends(List<Token> tokens, boolean @Nullable [] excluded) {
            int[][] ends = new int[tokens.size()][];
            for (int t = 0; t < tokens.size(); t++) {
                ends[t] = endsAt(tokens, t, excluded);
            }
            return ends;
        }

        int[] endsAt(List<Token> tokens, int t, boolean @Nullable [] excluded) {
            if (excluded != null && excluded[t]) {
                return NONE;
            }
            String word = tokens.get(t).word();
            int[] ends = plainWords.contains(word) ? new int[] {t + 1} : NONE;
            for (List<Word> entry : byFirstLetter.getOrDefault(word.charAt(0), List.of())) {
                ends = with(ends, sequence(entry, tokens, t, excluded));
            }
            for (List<Word> entry : scanned) {
                ends = with(ends, sequence(entry, tokens, t, excluded));
            }
            return ends;
        }

        private static int[] with(int[] ends, int end) {
            if (end < 0) {
                return ends;
            }
            for (int e : ends) {
                if (e == end) {
                    return ends;
                }
            }
            int[] more = Arrays.copyOf(ends, ends.length + 1);
            more[ends.length] = end;
            return more;
        }

        private static int sequence(List<Word> words, List<Token> tokens, int t, boolean @Nullable [] excluded) {
            if (t + words.size() > tokens.size()) {
                return -1;
            }
            for (int i = 0; i < words.size(); i++) {
                if (excluded != null && excluded[t + i] || !words.get(i).matches(tokens.get(t + i).word())) {
                    return -1;
                }
            }
            return t + words.size();
        }
    }

    private static final int[] NONE = {};

    /** A pattern's element: a word, a list ({@code {talk}}) or a gap ({@code ~}). */
    sealed interface Element permits Literal, Ref, Gap {
    }

    record Literal(Word word) implements Element {
    }

    /** A list, by its index in {@link #CLASSES}. */
    record Ref(int list) implements Element {
    }

    record Gap() implements Element {
    }

    /** One language's lists and patterns, read from its bundle. */
    record Rules(List<Phrases> lists, List<String> patternTexts, List<List<Element>> patterns, Phrases alone,
                 Phrases others, Phrases unlessBefore, Phrases unlessAfter) {

        static Rules parse(Language language, UnaryOperator<String> bundle) {
            var lists = new ArrayList<Phrases>();
            for (String name : CLASSES) {
                lists.add(phrases(language, "person." + name, bundle));
            }
            var patternTexts = new ArrayList<String>();
            var patterns = new ArrayList<List<Element>>();
            for (String text : alternatives(bundle.apply("person.patterns"))) {
                var pattern = new ArrayList<Element>();
                for (Token token : Words.tokens(text, true)) {
                    String word = token.word();
                    if (word.equals("~")) {
                        pattern.add(new Gap());
                    } else if (word.startsWith("{") && word.endsWith("}")) {
                        int list = CLASSES.indexOf(word.substring(1, word.length() - 1));
                        if (list < 0) {
                            throw new IllegalStateException(language.tag() + " person.patterns: no list " + word
                                    + "; the lists are " + CLASSES);
                        }
                        pattern.add(new Ref(list));
                    } else {
                        pattern.add(new Literal(word(language, "person.patterns", word, false)));
                    }
                }
                if (pattern.isEmpty() || pattern.getFirst() instanceof Gap || pattern.getLast() instanceof Gap) {
                    throw new IllegalStateException(language.tag() + " person.patterns: '" + text
                            + "' must begin and end with a word or a list");
                }
                patternTexts.add(text.strip());
                patterns.add(List.copyOf(pattern));
            }
            // Alone words are single words, however they are grouped.
            List<List<Word>> aloneWords = entries(language, "person.alone", bundle).stream()
                    .flatMap(List::stream).map(List::of).toList();
            return new Rules(List.copyOf(lists), List.copyOf(patternTexts), List.copyOf(patterns),
                    Phrases.of(aloneWords), phrases(language, "person.others", bundle),
                    phrases(language, "person.unless-before", bundle), phrases(language, "person.unless-after", bundle));
        }

        private static Phrases phrases(Language language, String key, UnaryOperator<String> bundle) {
            return Phrases.of(entries(language, key, bundle));
        }

        private static List<List<Word>> entries(Language language, String key, UnaryOperator<String> bundle) {
            boolean typos = PERSON_CLASSES.contains(key.substring("person.".length()));
            var phrases = new ArrayList<List<Word>>();
            for (String text : alternatives(bundle.apply(key))) {
                List<Word> phrase = Words.tokens(text, true).stream()
                        .map(t -> word(language, key, t.word(), typos)).toList();
                if (!phrase.isEmpty()) {
                    phrases.add(phrase);
                }
            }
            return phrases;
        }

        private static Word word(Language language, String key, String token, boolean typos) {
            try {
                return Word.parse(token, typos);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(language.tag() + " " + key + ": " + e.getMessage(), e);
            }
        }

        private static List<String> alternatives(String value) {
            return Arrays.stream(value.split("\\|")).filter(text -> !text.isBlank()).toList();
        }

        Optional<String> explain(List<Token> tokens) {
            boolean[] excluded = new boolean[tokens.size()];
            int[][] others = this.others.ends(tokens, null);
            for (int t = 0; t < tokens.size(); t++) {
                for (int end : others[t]) {
                    Arrays.fill(excluded, t, end, true);
                }
            }
            int[][][] ends = new int[CLASSES.size()][][];
            for (int list = 0; list < CLASSES.size(); list++) {
                ends[list] = lists.get(list).ends(tokens, excluded);
            }
            for (int p = 0; p < patterns.size(); p++) {
                for (int start = 0; start < tokens.size(); start++) {
                    int end = match(patterns.get(p), 0, tokens, start, ends, excluded);
                    if (end > start && !cancelled(tokens, start, end)) {
                        return Optional.of(patternTexts.get(p));
                    }
                }
            }
            return alone(tokens, ends) ? Optional.of("alone") : Optional.empty();
        }

        /** Where the pattern, from element {@code e} on, ends when it matches from token {@code t}; -1 if not. */
        private static int match(List<Element> pattern, int e, List<Token> tokens, int t, int[][][] ends,
                                 boolean[] excluded) {
            if (e == pattern.size()) {
                return t;
            }
            switch (pattern.get(e)) {
                case Gap gap -> {
                    for (int skip = 0; skip <= GAP && t + skip <= tokens.size(); skip++) {
                        int end = match(pattern, e + 1, tokens, t + skip, ends, excluded);
                        if (end >= 0) {
                            return end;
                        }
                    }
                    return -1;
                }
                case Literal literal -> {
                    return t < tokens.size() && !excluded[t] && literal.word().matches(tokens.get(t).word())
                            ? match(pattern, e + 1, tokens, t + 1, ends, excluded) : -1;
                }
                case Ref ref -> {
                    if (t < tokens.size()) {
                        for (int after : ends[ref.list()][t]) {
                            int end = match(pattern, e + 1, tokens, after, ends, excluded);
                            if (end >= 0) {
                                return end;
                            }
                        }
                    }
                    return -1;
                }
            }
        }

        /** A negation shortly before or inside the match, or a cancelling phrase right after it, in its clause. */
        private boolean cancelled(List<Token> tokens, int start, int end) {
            int firstClause = tokens.get(start).clause();
            int lastClause = tokens.get(end - 1).clause();
            for (int t = Math.max(0, start - BEFORE); t < end; t++) {
                int clause = tokens.get(t).clause();
                if ((clause == firstClause || clause == lastClause) && unlessBefore.endsAt(tokens, t, null).length > 0) {
                    return true;
                }
            }
            for (int t = end; t <= Math.min(tokens.size() - 1, end + AFTER); t++) {
                if (tokens.get(t).clause() == lastClause && unlessAfter.endsAt(tokens, t, null).length > 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A short message of nothing but words for a person and {@code person.alone} words: "agent please",
         * «اپراتور», without a negation.
         */
        private boolean alone(List<Token> tokens, int[][][] ends) {
            if (tokens.size() > ALONE_WORDS) {
                return false;
            }
            boolean[] covered = new boolean[tokens.size()];
            boolean person = false;
            for (String name : PERSON_CLASSES) {
                int[][] listEnds = ends[CLASSES.indexOf(name)];
                for (int t = 0; t < tokens.size(); t++) {
                    for (int end : listEnds[t]) {
                        Arrays.fill(covered, t, end, true);
                        person = true;
                    }
                }
            }
            if (!person) {
                return false;
            }
            for (int t = 0; t < tokens.size(); t++) {
                if (!covered[t] && alone.endsAt(tokens, t, null).length == 0
                        || unlessBefore.endsAt(tokens, t, null).length > 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The normalisation customers' text and the bundles' words both go through, so that a translator writes words
     * as people do and a customer's spelling variants still meet them.
     */
    static final class Words {

        private Words() {
        }

        /**
         * Lower case (İ, I and ı all become i; ə becomes e), compatibility forms folded (NFKC), accents and Arabic
         * diacritics (tashkeel) dropped, Arabic letter variants written the Persian way (ي ى ئ → ی, ك → ک,
         * ة ۀ → ه, أ إ آ ٱ → ا, ؤ → و), tatweel and invisible characters (ZWNJ among them) removed, digits as
         * 0-9, apostrophes and hyphens removed (don't → dont), other punctuation a space. Letters repeated three
         * times or more count once (pleeease). Persian's «می»/«نمی» join the next word and «ها»/«های» the one
         * before, whether written with ZWNJ, a space or nothing. In patterns, {@code * ~ { }} are kept.
         */
        static List<Token> tokens(String text, boolean pattern) {
            String folded = Normalizer.normalize(
                    Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
            var words = new ArrayList<Token>();
            var word = new StringBuilder();
            int clause = 0;
            for (int i = 0; i < folded.length(); ) {
                int c = folded.codePointAt(i);
                i += Character.charCount(c);
                int type = Character.getType(c);
                if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                        || type == Character.FORMAT || c == 'ـ' || "'’‘ʼ`´-‐‑".indexOf(c) >= 0) {
                    continue;
                }
                if (Character.isLetter(c) || pattern && "*~{}".indexOf(c) >= 0) {
                    word.appendCodePoint(letter(c));
                } else if (Character.isDigit(c)) {
                    word.append((char) ('0' + Character.digit(c, 10)));
                } else {
                    end(word, clause, words);
                    if (".,!?;:…،؛؟\n".indexOf(c) >= 0) {
                        clause++;
                    }
                }
            }
            end(word, clause, words);
            return persian(words);
        }

        private static int letter(int c) {
            return switch (c) {
                case 'ي', 'ى', 'ئ' -> 'ی';
                case 'ك' -> 'ک';
                case 'ة', 'ۀ', 'ە' -> 'ه';
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ؤ' -> 'و';
                case 'ı' -> 'i';
                case 'ə' -> 'e';
                default -> c;
            };
        }

        private static void end(StringBuilder word, int clause, List<Token> words) {
            if (!word.isEmpty()) {
                words.add(new Token(squeeze(word), clause));
                word.setLength(0);
            }
        }

        /** Three or more of the same letter in a row count as one; one or two stay as they are. */
        private static String squeeze(CharSequence word) {
            var out = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); ) {
                char c = word.charAt(i);
                int run = 1;
                while (i + run < word.length() && word.charAt(i + run) == c) {
                    run++;
                }
                out.append(c);
                if (run == 2) {
                    out.append(c);
                }
                i += run;
            }
            return out.toString();
        }

        private static List<Token> persian(List<Token> words) {
            var joined = new ArrayList<Token>(words.size());
            for (int i = 0; i < words.size(); i++) {
                Token token = words.get(i);
                String word = token.word();
                if ((word.equals("می") || word.equals("نمی")) && i + 1 < words.size()
                        && words.get(i + 1).clause() == token.clause()) {
                    joined.add(new Token(word + words.get(++i).word(), token.clause()));
                } else if ((word.equals("ها") || word.equals("های")) && !joined.isEmpty()
                        && joined.getLast().clause() == token.clause()) {
                    Token before = joined.removeLast();
                    joined.add(new Token(before.word() + word, token.clause()));
                } else {
                    joined.add(token);
                }
            }
            return joined;
        }
    }
}
