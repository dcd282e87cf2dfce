package eu.guichet.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import eu.guichet.access.ClockSettings;
import eu.guichet.access.HolidayCalendar;

/** The {@code guichet.access.*} keys, as documented in docs/reference/configuration.md, make the clocks' settings. */
@Tag("unit")
class StatutoryClocksConfigurationTest {

    static AccessProperties bind(Map<String, String> keys) {
        return new Binder(new MapConfigurationPropertySource(keys)).bindOrCreate("guichet.access",
                AccessProperties.class);
    }

    @Test
    void defaults_to_paris_french_holidays_and_no_stop_the_clock() {
        assertThat(bind(Map.of()).clockSettings()).isEqualTo(ClockSettings.defaults());
    }

    @Test
    void binds_every_key() {
        AccessProperties properties = bind(Map.of(
                "guichet.access.time-zone", "Europe/Brussels",
                "guichet.access.calendar", "alsace-moselle",
                "guichet.access.extra-holidays", "2026-05-15,2026-11-10",
                "guichet.access.stop-the-clock", "true"));
        ClockSettings settings = properties.clockSettings();
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(settings.calendar().region()).isEqualTo(HolidayCalendar.Region.ALSACE_MOSELLE);
        assertThat(settings.calendar().extraHolidays())
                .containsExactly(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 11, 10));
        assertThat(settings.stopTheClock()).isTrue();
    }
}
