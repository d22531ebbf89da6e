package io.dastyar.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.dastyar.conversation.PersonRequestPhrases.Word;
import io.dastyar.conversation.PersonRequestText.Token;
import io.dastyar.system.Language;

/** One language's lists and patterns, read from its bundle. */
record PersonRequestRules(List<PersonRequestPhrases> lists, List<String> patternTexts, List<List<Element>> patterns,
                          PersonRequestPhrases alone, PersonRequestPhrases others, PersonRequestPhrases unlessBefore,
                          PersonRequestPhrases unlessAfter) {

    /** A {@code ~} in a pattern stands for up to this many other words. */
    static final int GAP = 4;
    /** A word of {@code person.unless-before} cancels a match this many words before it, or inside it. */
    static final int BEFORE = 3;
    /** A phrase of {@code person.unless-after} cancels a match when it starts at most this many words after it. */
    static final int AFTER = 1;

    /** A message of more words than this is never a request by {@code person.alone}. */
    static final int ALONE_WORDS = 8;

    private static final List<String> PERSON_CLASSES = List.of("human", "someone", "team");
    private static final List<String> CLASSES = List.of("human", "someone", "team", "talk", "want");

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

    static PersonRequestRules parse(Language language, UnaryOperator<String> bundle) {
        var lists = new ArrayList<PersonRequestPhrases>();
        for (String name : CLASSES) {
            lists.add(phrases(language, "person." + name, bundle));
        }
        var patternTexts = new ArrayList<String>();
        var patterns = new ArrayList<List<Element>>();
        for (String text : alternatives(bundle.apply("person.patterns"))) {
            var pattern = new ArrayList<Element>();
            for (Token token : PersonRequestText.tokens(text, true)) {
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
        return new PersonRequestRules(List.copyOf(lists), List.copyOf(patternTexts), List.copyOf(patterns),
                PersonRequestPhrases.of(aloneWords), phrases(language, "person.others", bundle),
                phrases(language, "person.unless-before", bundle), phrases(language, "person.unless-after", bundle));
    }

    private static PersonRequestPhrases phrases(Language language, String key, UnaryOperator<String> bundle) {
        return PersonRequestPhrases.of(entries(language, key, bundle));
    }

    private static List<List<Word>> entries(Language language, String key, UnaryOperator<String> bundle) {
        boolean typos = PERSON_CLASSES.contains(key.substring("person.".length()));
        var phrases = new ArrayList<List<Word>>();
        for (String text : alternatives(bundle.apply(key))) {
            List<Word> phrase = PersonRequestText.tokens(text, true).stream()
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
