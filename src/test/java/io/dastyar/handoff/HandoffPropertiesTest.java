package io.dastyar.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import io.dastyar.handoff.eta.EtaSettings;

/**
 * How {@code support.handoff.*} binds: the defaults, the examples {@code config/application.yml} gives, and bad
 * settings refused with the setting named.
 */
class HandoffPropertiesTest {

    private static final Path CONFIG = Path.of("config/application.yml");

    private static HandoffProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("support.handoff", HandoffProperties.class);
    }

    private static HandoffProperties bindYaml(String yaml) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("yaml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("support.handoff", HandoffProperties.class);
    }

    @Test
    void byDefaultTheTeamIsOpenAroundTheClock() {
        var hours = bind(Map.of()).hours();
        assertThat(hours.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(hours.arabicCalendar()).isEqualTo(HandoffProperties.ArabicCalendar.GREGORIAN);
        assertThat(hours.schedule().alwaysOpen()).isTrue();
        assertThat(BusinessHours.of(hours).nextClosing(Instant.parse("2027-03-21T00:00:00Z"))).isEmpty();
    }

    @Test
    void theEstimateDefaultsAreThoseTheReplayWasMeasuredWith() throws IOException {
        assertThat(bind(Map.of()).eta().settings()).isEqualTo(EtaSettings.DEFAULTS);
        assertThat(bindYaml(Files.readString(CONFIG)).eta().settings()).isEqualTo(EtaSettings.DEFAULTS);
    }

    @Test
    void theDefaultsInTheConfigFileAreOpenAroundTheClock() throws IOException {
        var hours = bindYaml(Files.readString(CONFIG)).hours();
        assertThat(hours.schedule().alwaysOpen()).isTrue();
        assertThat(hours.holidays().rules()).isEmpty();
    }

    @Test
    void daysBindByNameAndShiftsFromACommaSeparatedList() {
        var hours = bind(Map.of("support.handoff.hours.time-zone", "Asia/Tehran",
                "support.handoff.hours.weekly.saturday", "09:00-13:00,14:00-17:00",
                "support.handoff.hours.weekly.thursday", "09:00-13:00",
                "support.handoff.hours.holidays.jalali", "*-01-01..*-01-04,*-01-13",
                "support.handoff.hours.arabic-calendar", "hijri")).hours();
        assertThat(hours.schedule().on(DayOfWeek.SATURDAY)).containsExactly(Shift.parse("09:00-13:00"), Shift.parse("14:00-17:00"));
        assertThat(hours.schedule().on(DayOfWeek.FRIDAY)).isEmpty();
        assertThat(hours.holidays().rules()).hasSize(2);
        assertThat(hours.arabicCalendar()).isEqualTo(HandoffProperties.ArabicCalendar.HIJRI);
    }

    /** The commented examples under support.handoff.hours in config/application.yml, uncommented. */
    static Stream<String> examplesInTheConfigFile() throws IOException {
        var examples = new ArrayList<String>();
        StringBuilder example = null;
        for (String line : Files.readAllLines(CONFIG)) {
            if (line.startsWith("      # Example")) {
                example = new StringBuilder("support:\n  handoff:\n    hours:\n");
                examples.add("");
            } else if (example != null && line.startsWith("      # ")) {
                example.append("      ").append(line.substring("      # ".length())).append('\n');
                examples.set(examples.size() - 1, example.toString());
            } else {
                example = null;
            }
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        return examples.stream();
    }

    @ParameterizedTest
    @MethodSource("examplesInTheConfigFile")
    void theExamplesInTheConfigFileBind(String yaml) throws IOException {
        var hours = bindYaml(yaml).hours();
        assertThat(hours.timeZone()).isNotEqualTo(ZoneId.of("UTC"));
        assertThat(hours.schedule().alwaysOpen()).isFalse();
        assertThat(DayOfWeek.values()).as("a weekend").anyMatch(day -> hours.schedule().on(day).isEmpty());
        assertThat(hours.holidays().rules()).isNotEmpty();
        var businessHours = BusinessHours.of(hours);
        assertThat(businessHours.nextOpening(Instant.parse("2027-03-19T12:00:00Z"))).isPresent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "weekly.monday | 18:00-09:00       | support.handoff.hours.weekly.monday[0]: \"18:00-09:00\" ends before it starts",
            "weekly.monday | 09:00-17:00,22:00-00:00 | support.handoff.hours.weekly.monday[1]: \"22:00-00:00\" ends at 00:00",
            "weekly.monday | 09:00-13:00,12:00-14:00 | support.handoff.hours.weekly.monday: shifts 09:00-13:00 and 12:00-14:00 overlap",
            "weekly.monday | 9am-5pm           | support.handoff.hours.weekly.monday[0]: \"9am-5pm\" is not a shift",
            "weekly.monday | 09:00-25:00       | support.handoff.hours.weekly.monday[0]: \"09:00-25:00\" has a time that does not exist",
            "weekly.monday | 09:60-17:00       | support.handoff.hours.weekly.monday[0]: \"09:60-17:00\" has a time that does not exist",
            "weekly.monday | ''                | support.handoff.hours.weekly: a week without shifts never opens",
            "holidays.jalali | 1405-13-01      | support.handoff.hours.holidays.jalali[0]: \"1405-13-01\"",
            "holidays.hijri | 1448-09-31       | support.handoff.hours.holidays.hijri[0]: \"1448-09-31\"",
    })
    void aBadSettingIsRefusedNamingIt(String key, String value, String message) {
        assertThatThrownBy(() -> bind(Map.of("support.handoff.hours." + key, value)))
                .rootCause().hasMessageStartingWith(message);
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("support.handoff.hours.time-zone", "Mars/Olympus")))
                .hasMessageContaining("support.handoff.hours.time-zone");
    }

    @Test
    void anAdjacentShiftIsNoOverlap() {
        var hours = bind(Map.of("support.handoff.hours.weekly.monday", "09:00-13:00,13:00-24:00")).hours();
        assertThat(hours.schedule().on(DayOfWeek.MONDAY)).hasSize(2);
    }
}
