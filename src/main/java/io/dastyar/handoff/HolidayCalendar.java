package io.dastyar.handoff;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.stream.IntStream;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * A calendar holidays are known in. Conversions are ICU's: {@code persian} for the Jalali (Solar Hijri) calendar,
 * {@code islamic-umalqura} for the Hijri (outside the Umm al-Qura tables, 1300-1600 AH, ICU falls back to the
 * arithmetic civil calendar). ICU calendars are not thread-safe: each caller takes its own from
 * {@link #newCalendar()}.
 */
enum HolidayCalendar {
    GREGORIAN("gregorian", "Gregorian", 2000),
    JALALI("persian", "Jalali (Solar Hijri)", 1400),
    HIJRI("islamic-umalqura", "Hijri (Umm al-Qura)", 1440);

    /** A month's last days differ from year to year (leap years, lunar months): this many years show them all. */
    private static final int SAMPLE_YEARS = 40;

    private final String icuName;
    private final String displayName;
    private final int sampleFrom;

    HolidayCalendar(String icuName, String displayName, int sampleFrom) {
        this.icuName = icuName;
        this.displayName = displayName;
        this.sampleFrom = sampleFrom;
    }

    /** As the setting names it: {@code gregorian}, {@code jalali}, {@code hijri}. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String displayName() {
        return displayName;
    }

    /** A calendar of this kind in GMT, so that a Gregorian date's start maps to that date and no other. */
    Calendar newCalendar() {
        Calendar calendar = Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("@calendar=" + icuName));
        calendar.setLenient(true);
        return calendar;
    }

    /** The day, in this calendar, that begins when the Gregorian {@code date} begins. */
    static CalendarDay dayOf(Calendar calendar, LocalDate date) {
        calendar.setTime(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
        return new CalendarDay(calendar.get(Calendar.EXTENDED_YEAR), calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH));
    }

    /** The Gregorian date of a day of this calendar; empty when no such day exists (month 13, 30 Esfand 1405). */
    Optional<LocalDate> gregorianOf(CalendarDay day) {
        Calendar calendar = newCalendar();
        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, day.year());
        calendar.set(Calendar.MONTH, day.month() - 1);
        calendar.set(Calendar.DAY_OF_MONTH, day.day());
        // Lenient ICU rolls a day that does not exist into the next month: reading the fields back tells.
        LocalDate date = LocalDate.ofInstant(calendar.getTime().toInstant(), ZoneOffset.UTC);
        return dayOf(calendar, date).equals(day) ? Optional.of(date) : Optional.empty();
    }

    /** Whether the month-day is in some year of this calendar (30 Esfand is, in leap years; 32 Farvardin is not). */
    boolean hasMonthDay(int month, int day) {
        return IntStream.range(sampleFrom, sampleFrom + SAMPLE_YEARS)
                .anyMatch(year -> gregorianOf(new CalendarDay(year, month, day)).isPresent());
    }

    /** A date of this calendar: year, month 1-12, day of the month. */
    record CalendarDay(int year, int month, int day) {
    }
}
