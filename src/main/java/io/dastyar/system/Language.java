package io.dastyar.system;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the product speaks. Persian and Arabic are written right to left. */
public enum Language {
    EN("en", false),
    FA("fa", true),
    AR("ar", true),
    AZ("az", false);

    private final String tag;
    private final boolean rightToLeft;

    Language(String tag, boolean rightToLeft) {
        this.tag = tag;
        this.rightToLeft = rightToLeft;
    }

    public String tag() {
        return tag;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
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
