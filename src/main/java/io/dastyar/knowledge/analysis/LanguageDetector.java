package io.dastyar.knowledge.analysis;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.dastyar.system.Language;

/**
 * Guesses which of our four languages a customer message is in, so the knowledge base is searched in
 * that language only. It runs on every message, so it is one pass over the characters plus a set
 * look-up per word: no regular expressions, no models.
 *
 * <p>Script decides first (Arabic vs Latin). Within Arabic script, letters only Persian has (پ چ ژ گ)
 * or only an Arabic keyboard types (ة ى ؤ إ) are weighed against each other together with a few dozen
 * frequent words; within Latin script ə, ı, ğ and friends plus frequent words separate Azerbaijani from
 * English. When the evidence is thin or mixed the answer is empty and the caller searches every
 * language, which costs a little speed but never hides the right article.
 */
public final class LanguageDetector {

    // Evidence weights: a frequent word beats a letter, a letter no other language has beats one
    // that only hints at a keyboard.
    private static final int WORD = 3;
    private static final int STRONG = 2;
    private static final int WEAK = 1;
    private static final int DECISIVE = 5;

    /** The winner needs at least this much evidence... */
    private static final int MIN_EVIDENCE = 2;
    /** ...and this many times the runner-up's, or the text counts as mixed. */
    private static final int MARGIN = 2;

    private static final char ZWNJ = '\u200C';

    // Stored in Persian spelling (ی ک); words are looked up after unifying the Arabic keyboard forms,
    // so Persian typed with ي and ك still counts. Words Arabic uses as often (من، ما، هم، و) are left out.
    private static final Set<String> PERSIAN_WORDS = Set.of(
            "است", "هست", "نیست", "هستم", "بود", "شد", "شده", "شود", "بشه", "میشه", "نمیشه",
            "می", "نمی", "را", "رو", "که", "این", "آن", "اون", "برای", "چطور", "چگونه", "چرا", "چه", "چی",
            "کی", "کجا", "کجاست", "چقدر", "چند", "اگر", "باید", "یا", "تا", "با", "به", "از", "در",
            "شما", "مرا", "خودم", "خیلی", "هنوز", "الان", "البته", "لطفا", "ممنون", "مرسی", "بله",
            "نه", "سفارش", "سفارشم", "خرید", "پرداخت", "پول", "رمز", "کاربری", "ارسال", "تحویل", "لغو",
            "کنم", "کنید", "کنیم", "کرد", "کردم", "کردن", "دارم", "داره", "دارد", "ندارم", "خواهم",
            "میخواهم", "میخوام", "خواستم", "رسید", "میرسد", "میرسه", "نرسیده", "کد", "تخفیف", "آدرس");

    // Stored in Arabic spelling (ي ك ى ة); looked up after unifying the Persian keyboard forms.
    // Left out because Persian uses them as often: اين (this), كل, كم, بعد, قبل.
    private static final Set<String> ARABIC_WORDS = Set.of(
            "في", "على", "إلى", "الى", "عن", "مع", "هل", "كيف", "أين", "متى", "ماذا", "لماذا", "لم", "لن",
            "لا", "ليس", "هذا", "هذه", "ذلك", "التي", "الذي", "أريد", "اريد", "أستطيع", "يمكن", "يمكنني",
            "لدي", "عندي", "كان", "قد", "لقد", "أو", "ثم", "حتى", "عند", "أي",
            "طلبي", "الطلب", "شكرا", "مرحبا", "السلام", "عليكم", "حسابي", "كلمة", "المرور", "الدفع",
            "استرداد", "المبلغ", "إلغاء", "الغاء", "التوصيل", "الشحن", "تم", "لي", "منتج", "المنتج");

    // Stored as typed properly and folded on load, so "sifarisim" counts as much as "sifarişim".
    // Words that fold into English ones (mən → men, on) are left out.
    private static final Set<String> AZERBAIJANI_WORDS = folded(
            "və", "bu", "necə", "üçün", "sən", "siz", "biz", "mənim", "sizin", "nə", "harada", "haradadır",
            "niyə", "vaxt", "zaman", "var", "yox", "yoxdur", "edə", "edin", "edirəm", "bilərəm",
            "bilərsiniz", "olar", "olmur", "istəyirəm", "salam", "xahiş", "təşəkkür", "sağ", "olun", "ilə",
            "amma", "ki", "çox", "hələ", "geri", "sifariş", "sifarişim", "sifarişimi", "sifarişi",
            "çatacaq", "çatdırılma", "ödəniş", "pul", "pulu", "qaytarmaq", "hesab", "hesabım", "şifrə",
            "kart", "kartla", "ləğv", "etmək", "hansı", "gün", "bəli", "xeyr", "mal", "məhsul");

    // Verb endings (-acaq future, -ıram present) no English word has.
    private static final String[] AZERBAIJANI_ENDINGS = {"acaq", "ecek", "iram", "irem", "uram", "urem"};

    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "a", "an", "is", "are", "was", "be", "my", "i", "i'm", "me", "you", "your", "it", "this",
            "that", "how", "what", "where", "when", "why", "which", "who", "can", "could", "do", "does",
            "did", "don't", "can't", "not", "to", "of", "for", "with", "and", "from", "have", "has", "want",
            "need", "get", "got", "will", "would", "should", "please", "help", "hello", "hi", "thanks",
            "thank", "order", "orders", "refund", "account", "password", "payment", "delivery", "cancel",
            "change", "still", "yet", "arrived", "received", "return", "money", "card", "long", "much");

    /** Empty when the text gives no clear answer; the caller then searches every language. */
    public Optional<Language> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Tally tally = new Tally();
        StringBuilder word = new StringBuilder();
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                tally.letter(c);
                word.append(c);
            } else if (isApostrophe(c) && word.length() > 0) {
                word.append('\''); // I'm, don't: one word, as in the English analyzer
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // Arabic diacritics, combining dots: inside the word, not part of it
            } else {
                tally.nonLetter(c);
                tally.word(word);
                word.setLength(0);
            }
        }
        tally.word(word);
        return tally.verdict();
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    /** The counts for one message; a fresh one per call keeps the detector stateless and thread-safe. */
    private static final class Tally {

        private int arabicScript;
        private int latinScript;
        private boolean persianDigits;
        private boolean arabicDigits;
        private int persian;
        private int arabic;
        private int azerbaijani;
        private int english;

        void letter(char c) {
            if (isArabicScript(c)) {
                arabicScript++;
                switch (c) {
                    case 'پ', 'چ', 'ژ', 'گ' -> persian += STRONG;
                    case 'ی', 'ک' -> persian += WEAK; // Persian keyboard
                    case 'ة', 'ى', 'ؤ', 'إ' -> arabic += STRONG;
                    case 'ي', 'ك', 'أ' -> arabic += WEAK; // Arabic keyboard, on which Persian is typed too
                    default -> { }
                }
            } else if (isLatinScript(c)) {
                latinScript++;
                switch (c) {
                    case 'ə', 'Ə' -> azerbaijani += DECISIVE;
                    case 'ı', 'İ', 'ğ', 'Ğ' -> azerbaijani += STRONG;
                    case 'ş', 'Ş', 'ç', 'Ç', 'ö', 'Ö', 'ü', 'Ü' -> azerbaijani += WEAK;
                    case 'w', 'W' -> english += WEAK; // not in the Azerbaijani alphabet
                    default -> { }
                }
            }
        }

        void nonLetter(char c) {
            if (c == ZWNJ) {
                persian += STRONG;
            } else if (c >= '۰' && c <= '۹') {
                persianDigits = true; // once per message: a phone number is one hint, not eleven
            } else if (c >= '٠' && c <= '٩') {
                arabicDigits = true;
            }
        }

        void word(CharSequence word) {
            if (word.isEmpty()) {
                return;
            }
            if (isArabicScript(word.charAt(0))) {
                arabicScriptWord(word);
            } else {
                latinWord(word);
            }
        }

        private void arabicScriptWord(CharSequence word) {
            String asPersian = unify(word, true);
            String asArabic = unify(word, false);
            if (PERSIAN_WORDS.contains(asPersian)) {
                persian += WORD;
            } else if (asPersian.length() >= 4 && (asPersian.startsWith("می") || asPersian.startsWith("نمی"))) {
                persian += WEAK; // verbal prefix glued on (میخواهم); a few Arabic nouns start so too
            }
            if (ARABIC_WORDS.contains(asArabic)) {
                arabic += WORD;
            } else if (asArabic.length() >= 4 && asArabic.startsWith("ال") && !PERSIAN_WORDS.contains(asPersian)) {
                arabic += WEAK; // definite article; Persian has it only in loans like الان
            }
        }

        private void latinWord(CharSequence word) {
            String folded = fold(word);
            if (AZERBAIJANI_WORDS.contains(folded)) {
                azerbaijani += WORD;
            } else if (endsWithAny(folded, AZERBAIJANI_ENDINGS)) {
                azerbaijani += WEAK;
            }
            if (ENGLISH_WORDS.contains(folded)) {
                english += WORD;
            }
        }

        Optional<Language> verdict() {
            // A foreign brand name in the message must not outvote the language around it.
            if (arabicScript >= MARGIN * latinScript && arabicScript > 0) {
                return decide(Language.FA, persian + (persianDigits ? WEAK : 0),
                        Language.AR, arabic + (arabicDigits ? WEAK : 0));
            }
            if (latinScript >= MARGIN * arabicScript && latinScript > 0) {
                return decide(Language.AZ, azerbaijani, Language.EN, english);
            }
            return Optional.empty();
        }

        private static Optional<Language> decide(Language one, int oneScore, Language other, int otherScore) {
            Language winner = oneScore >= otherScore ? one : other;
            int best = Math.max(oneScore, otherScore);
            int runnerUp = Math.min(oneScore, otherScore);
            return best >= MIN_EVIDENCE && best >= MARGIN * runnerUp && best > runnerUp
                    ? Optional.of(winner)
                    : Optional.empty();
        }
    }

    private static boolean isArabicScript(char c) {
        return (c >= '\u0600' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F')
                || (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF');
    }

    // Latin blocks up to IPA Extensions, where ə (U+0259) lives; not Cyrillic or anything else.
    private static boolean isLatinScript(char c) {
        return c < '\u02B0' || (c >= '\u1E00' && c <= '\u1EFF');
    }

    /** One spelling for the letters the Persian and Arabic keyboards type differently. */
    private static String unify(CharSequence word, boolean toPersian) {
        StringBuilder result = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == 'ي' || c == 'ی' || c == 'ى') {
                c = toPersian ? 'ی' : (c == 'ى' ? 'ى' : 'ي');
            } else if (c == 'ك' || c == 'ک') {
                c = toPersian ? 'ک' : 'ك';
            } else if (c == 'ـ') {
                continue; // tatweel only stretches the word
            }
            result.append(c);
        }
        return result.toString();
    }

    /** Lower case and the ASCII spelling of Azerbaijani letters, as customers type them. */
    private static String fold(CharSequence word) {
        StringBuilder result = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            // I and İ both become i, which is where Azerbaijani folding takes ı anyway.
            result.append(c == 'İ' ? 'i' : AzerbaijaniAnalyzer.fold(Character.toLowerCase(c)));
        }
        return result.toString();
    }

    private static Set<String> folded(String... words) {
        return Arrays.stream(words).map(LanguageDetector::fold).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean endsWithAny(String word, String[] endings) {
        for (String ending : endings) {
            if (word.length() > ending.length() + 1 && word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
