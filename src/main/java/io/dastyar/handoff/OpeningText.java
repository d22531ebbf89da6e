package io.dastyar.handoff;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import io.dastyar.handoff.HandoffProperties.ArabicCalendar;
import io.dastyar.system.Language;

/**
 * Tells a customer when the team opens, as a phrase for a bot sentence ("We open on {0}"), in the customer's
 * language, calendar and digits: "Saturday, 7 December at 09:00"; «شنبه ۱۷ آذر، ساعت ۰۹:۰۰» in the Jalali calendar;
 * «السبت، ٧ ديسمبر، الساعة ٠٩:٠٠» (or the Hijri date, as configured); "Şənbə, 7 dekabr, saat 09:00". The year is
 * left out: the next opening is days away, not years.
 *
 * <p>The time is the customer's local time when their zone is known, the team's otherwise. Zone rules are
 * java.time's, as in {@link BusinessHours}; ICU only names the day, month and digits.
 */
final class OpeningText {

    private final ZoneId teamZone;
    private final ArabicCalendar arabicCalendar;

    OpeningText(ZoneId teamZone, ArabicCalendar arabicCalendar) {
        this.teamZone = teamZone;
        this.arabicCalendar = arabicCalendar;
    }

    /** The opening in the team's time zone. */
    String phrase(Instant opening, Language language) {
        return phrase(opening, language, teamZone);
    }

    /** The opening in the customer's time zone. */
    String phrase(Instant opening, Language language, ZoneId customerZone) {
        LocalDateTime local = LocalDateTime.ofInstant(opening, customerZone);
        var format = new SimpleDateFormat(pattern(language), locale(language));
        format.setTimeZone(TimeZone.GMT_ZONE);
        // The local date-time, as the instant it would be in GMT, formatted in GMT: the same wall-clock time.
        return format.format(Date.from(local.toInstant(ZoneOffset.UTC)));
    }

    private static String pattern(Language language) {
        return switch (language) {
            case EN -> "EEEE, d MMMM 'at' HH:mm";
            case FA -> "EEEE d MMMM، 'ساعت' HH:mm";
            case AR -> "EEEE، d MMMM، 'الساعة' HH:mm";
            case AZ -> "EEEE, d MMMM, 'saat' HH:mm";
        };
    }

    /** The language's own locale, which names its digits, with the calendar its readers count days in. */
    private ULocale locale(Language language) {
        String calendar = switch (language) {
            case FA -> "persian";
            case AR -> arabicCalendar == ArabicCalendar.HIJRI ? "islamic-umalqura" : "gregorian";
            case EN, AZ -> "gregorian";
        };
        return ULocale.forLocale(language.locale()).setKeywordValue("calendar", calendar);
    }
}
