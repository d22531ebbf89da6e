package io.dastyar.csat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import io.dastyar.system.Language;

/**
 * Dates on the follow-up page as each staff language reads them ({@code @staffDates.of(instant)}): Persian in the
 * Jalali calendar with Persian digits, Arabic in the Hijri (Umm al-Qura) calendar with Arabic-Indic digits, English
 * and Azerbaijani in the Gregorian. Times are the server's time zone, which the page names.
 */
@Component("staffDates")
public class StaffDates {

    private static final Map<Language, ULocale> CALENDARS = Map.of(
            Language.EN, new ULocale("en_GB"),
            Language.FA, new ULocale("fa_IR@calendar=persian;numbers=arabext"),
            Language.AR, new ULocale("ar@calendar=islamic-umalqura;numbers=arab"),
            Language.AZ, new ULocale("az_Latn_AZ"));

    public String of(Instant instant) {
        Language language = Language.fromTag(LocaleContextHolder.getLocale().toLanguageTag()).orElse(Language.EN);
        DateFormat format = DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, CALENDARS.get(language));
        format.setTimeZone(TimeZone.getDefault());
        return format.format(Date.from(instant));
    }
}
