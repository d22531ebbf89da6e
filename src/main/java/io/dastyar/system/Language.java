package io.dastyar.system;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the product speaks. Persian and Arabic are written right to left. */
public enum Language {
    EN("en", false, "en"),
    // Formatting locales name their digits: Persian (۱۲۳) for Persian, Arabic-Indic (١٢٣) for Arabic.
    FA("fa", true, "fa-IR-u-nu-arabext"),
    AR("ar", true, "ar-u-nu-arab"),
    AZ("az", false, "az-Latn-AZ");

    private final String tag;
    private final boolean rightToLeft;
    private final Locale locale;

    Language(String tag, boolean rightToLeft, String localeTag) {
        this.tag = tag;
        this.rightToLeft = rightToLeft;
        this.locale = Locale.forLanguageTag(localeTag);
    }

    public String tag() {
        return tag;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** For texts and for formatting numbers and dates the way readers of the language expect. */
    public Locale locale() {
        return locale;
    }

    /** Accepts "fa", "fa-IR", "FA" and the like; empty for languages we do not speak. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(language -> language.tag.equals(primary)).findFirst();
    }
}
