package eu.guichet.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wait before an e-mail's next attempt: doubled after each failure, never past the cap. */
@Tag("unit")
class NotificationPropertiesTest {

    @ParameterizedTest(name = "after {0} failed attempts: wait {1}")
    @CsvSource({ "1, PT1M", "2, PT2M", "3, PT4M", "4, PT8M", "8, PT2H8M", "9, PT4H16M", "10, PT6H", "40, PT6H" })
    void the_backoff_doubles_up_to_its_cap(int attempts, Duration wait) {
        NotificationProperties properties = new NotificationProperties("Guichet <no-reply@guichet.invalid>",
                URI.create("http://localhost:8080"), ZoneId.of("Europe/Paris"), Duration.ofSeconds(30), 50, 8,
                Duration.ofMinutes(1), Duration.ofHours(6));
        assertThat(properties.backoffAfter(attempts)).isEqualTo(wait);
    }
}
