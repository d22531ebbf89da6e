package io.dastyar.conversation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The normalisation customers' text and the bundles' words both go through, so that a translator writes words
 * as people do and a customer's spelling variants still meet them.
 */
final class PersonRequestText {

    /** A normalised word and the clause it stands in (clauses end at punctuation). */
    record Token(String word, int clause) {
    }

    private PersonRequestText() {
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
