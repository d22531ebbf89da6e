package io.dastyar.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dastyar.conversation.PersonRequestText.Token;

/**
 * The entries of one list, each one or more words. Entries of one plain word are looked up; the others are
 * found by their first letter, which even a typo leaves alone; only entries beginning with a * are scanned.
 */
record PersonRequestPhrases(Set<String> plainWords, Map<Character, List<List<Word>>> byFirstLetter,
                            List<List<Word>> scanned) {

    /**
     * Words for a person (human, someone, team) at least this long also match with one typo inside the word (a
     * letter added, left out, changed or two swapped; the first and last letters right). Not the other lists: a
     * typo away from «میخوام» is «نمیخوام», and from «danışım» is «danışdım».
     */
    static final int TYPO_LENGTH = 6;

    private static final int[] NONE = {};

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

    static PersonRequestPhrases of(List<List<Word>> entries) {
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
        return new PersonRequestPhrases(Set.copyOf(plainWords), Map.copyOf(byFirstLetter), List.copyOf(scanned));
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
