package eu.guichet.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import eu.guichet.access.ClockSettings;
import eu.guichet.access.HolidayCalendar;
import eu.guichet.access.StatutoryClocks;
import eu.guichet.access.StatutoryPeriod;

/** The module's one bean: the statutory clocks on the configured settings and the application's clock. */
@Tag("slice")
class StatutoryClocksBeanTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccessProperties.class)
    static class Application {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Application.class, AccessConfiguration.class);

    @Test
    void defaults() {
        context.run(c -> {
            StatutoryClocks clocks = c.getBean(StatutoryClocks.class);
            assertThat(clocks.settings()).isEqualTo(ClockSettings.defaults());
            assertThat(clocks.start(StatutoryPeriod.DECISION).startedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void configured() {
        context.withPropertyValues("guichet.access.calendar=ALSACE_MOSELLE", "guichet.access.stop-the-clock=true")
                .run(c -> {
                    ClockSettings settings = c.getBean(StatutoryClocks.class).settings();
                    assertThat(settings.calendar()).isEqualTo(HolidayCalendar.ALSACE_MOSELLE);
                    assertThat(settings.stopTheClock()).isTrue();
                });
    }

    @Test
    void refuses_an_unknown_time_zone() {
        context.withPropertyValues("guichet.access.time-zone=Mars/Olympus").run(c -> assertThat(c).hasFailed());
    }
}
