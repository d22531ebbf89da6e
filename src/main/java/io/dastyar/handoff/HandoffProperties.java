package io.dastyar.handoff;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.dastyar.handoff.eta.EtaSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code support.handoff.*}: handing customers over to people. Documented in {@code config/application.yml},
 * {@code docs/business-hours.md} and {@code docs/eta.md}.
 */
@Validated
@ConfigurationProperties("support.handoff")
record HandoffProperties(@Valid @DefaultValue Hours hours, @Valid @DefaultValue RoutingProperties routing,
                         @Valid @DefaultValue Eta eta) {

    static final String HOURS = "support.handoff.hours";

    /**
     * {@code support.handoff.hours.*}: when the team takes hand-offs. Nothing configured is open around the clock.
     *
     * @param timeZone       the zone of the shifts and of the holidays' dates
     * @param weekly         "HH:mm-HH:mm" shifts per day; a day not listed is closed; none at all is always open
     * @param holidays       days closed whatever the weekly schedule says
     * @param arabicCalendar the calendar Arabic-speaking customers are told the next opening in
     */
    record Hours(
            @DefaultValue("UTC") @NotNull ZoneId timeZone,
            @Nullable Map<DayOfWeek, List<String>> weekly,
            @Valid @DefaultValue HolidayDates holidays,
            @DefaultValue("gregorian") @NotNull ArabicCalendar arabicCalendar) {

        Hours {
            weekly = weekly == null ? Map.of() : Map.copyOf(weekly);
            schedule(weekly);
        }

        /** @throws IllegalArgumentException naming the setting of a bad shift */
        WeeklySchedule schedule() {
            return schedule(weekly);
        }

        private static WeeklySchedule schedule(Map<DayOfWeek, List<String>> weekly) {
            return WeeklySchedule.parse(weekly, HOURS + ".weekly");
        }
    }

    /**
     * {@code support.handoff.hours.holidays.*}: dates the team is closed, each in the calendar it is known in, as
     * {@code yyyy-MM-dd} (once) or {@code *-MM-dd} (every year), or a span {@code a..b} of either.
     */
    record HolidayDates(@Nullable List<String> gregorian, @Nullable List<String> jalali, @Nullable List<String> hijri) {

        HolidayDates {
            gregorian = gregorian == null ? List.of() : List.copyOf(gregorian);
            jalali = jalali == null ? List.of() : List.copyOf(jalali);
            hijri = hijri == null ? List.of() : List.copyOf(hijri);
            rules(gregorian, jalali, hijri);
        }

        /** @throws IllegalArgumentException naming the setting of a bad date */
        List<HolidayRule> rules() {
            return rules(gregorian, jalali, hijri);
        }

        private static List<HolidayRule> rules(List<String> gregorian, List<String> jalali, List<String> hijri) {
            var rules = new ArrayList<HolidayRule>();
            read(HolidayCalendar.GREGORIAN, gregorian, rules);
            read(HolidayCalendar.JALALI, jalali, rules);
            read(HolidayCalendar.HIJRI, hijri, rules);
            return rules;
        }

        private static void read(HolidayCalendar calendar, List<String> dates, List<HolidayRule> rules) {
            for (int i = 0; i < dates.size(); i++) {
                try {
                    rules.add(HolidayRule.parse(calendar, dates.get(i)));
                } catch (IllegalArgumentException bad) {
                    // No cause: start-up failures show the root cause's message, and this one names the setting.
                    throw new IllegalArgumentException(
                            HOURS + ".holidays." + calendar.key() + "[" + i + "]: " + bad.getMessage());
                }
            }
        }
    }

    /**
     * {@code support.handoff.eta.*}: how the wait is estimated, as {@link EtaSettings} documents; the defaults are
     * those the replay in {@code docs/eta.md} was measured with.
     */
    record Eta(
            @DefaultValue("2h") @NotNull @DurationMin(minutes = 10) Duration window,
            @DefaultValue("6m") @NotNull @DurationMin(seconds = 30) Duration defaultHandleTime,
            @DefaultValue("10") @Min(1) @Max(1_000) int minimumSamples,
            @DefaultValue("0s") @NotNull @DurationMax(minutes = 30) Duration assignmentDelay,
            @DefaultValue("0.15") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "0.5", inclusive = false)
            double lowQuantile,
            @DefaultValue("0.85") @DecimalMin(value = "0.5", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            double highQuantile) {

        EtaSettings settings() {
            return new EtaSettings(window, defaultHandleTime, minimumSamples, assignmentDelay, lowQuantile, highQuantile);
        }
    }

    /** The calendar Arabic-speaking customers are told dates in. */
    enum ArabicCalendar {
        /** Gregorian months named as in the Gulf and Egypt (يناير، فبراير …). */
        GREGORIAN,
        /** The Hijri calendar, Umm al-Qura. */
        HIJRI
    }
}
