package io.dastyar.handoff;

import static io.dastyar.handoff.Schedules.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.dastyar.handoff.HandoffProperties.ArabicCalendar;
import io.dastyar.system.Language;

/** The next opening as customers read it: their language, calendar, digits and, when known, time zone. */
class OpeningTextTest {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    /** Saturday 7 December 2024, 17 Azar 1403, 6 Jumada al-Akhirah 1446, at 09:00 in Tehran. */
    private static final Instant OPENING = at("2024-12-07T09:00", "Asia/Tehran");

    private final OpeningText text = new OpeningText(TEHRAN, ArabicCalendar.GREGORIAN);

    @Test
    void english() {
        assertThat(text.phrase(OPENING, Language.EN)).isEqualTo("Saturday, 7 December at 09:00");
    }

    @Test
    void persianInTheJalaliCalendarWithPersianDigits() {
        assertThat(text.phrase(OPENING, Language.FA)).isEqualTo("شنبه ۱۷ آذر، ساعت ۰۹:۰۰");
        assertThat(text.phrase(at("2027-03-25T09:00", "Asia/Tehran"), Language.FA))
                .as("the first working day after Nowruz 1406").isEqualTo("پنجشنبه ۵ فروردین، ساعت ۰۹:۰۰");
    }

    @Test
    void arabicWithGulfMonthNamesAndArabicIndicDigits() {
        assertThat(text.phrase(OPENING, Language.AR)).isEqualTo("السبت، ٧ ديسمبر، الساعة ٠٩:٠٠");
    }

    @Test
    void arabicInTheHijriCalendarWhenConfigured() {
        var hijri = new OpeningText(TEHRAN, ArabicCalendar.HIJRI);
        assertThat(hijri.phrase(OPENING, Language.AR)).isEqualTo("السبت، ٦ جمادى الآخرة، الساعة ٠٩:٠٠");
        assertThat(hijri.phrase(OPENING, Language.FA)).as("Persian stays Jalali").contains("آذر");
    }

    @Test
    void azerbaijaniWithLatinDigits() {
        assertThat(text.phrase(OPENING, Language.AZ)).isEqualTo("Şənbə, 7 dekabr, saat 09:00");
    }

    @Test
    void inTheCustomersTimeZoneWhenKnown() {
        assertThat(text.phrase(OPENING, Language.EN, ZoneId.of("Europe/London"))).isEqualTo("Saturday, 7 December at 05:30");
        assertThat(text.phrase(OPENING, Language.EN, ZoneId.of("America/Los_Angeles")))
                .as("the day before, there").isEqualTo("Friday, 6 December at 21:30");
        assertThat(text.phrase(OPENING, Language.FA, ZoneId.of("Asia/Dubai"))).isEqualTo("شنبه ۱۷ آذر، ساعت ۰۹:۳۰");
    }
}
