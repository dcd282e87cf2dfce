package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retention cutoff of a permit's files: calendar months back from now, in the HDAB's time zone. */
@Tag("unit")
class FileRetentionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest(name = "{0} before {1} is {2}")
    @CsvSource({
            // the same local time, 12:00 in Paris: summer time (UTC+2) then winter time (UTC+1)
            "P6M, 2027-09-15T10:00:00Z, 2027-03-15T11:00:00Z",
            // 31 August less 6 months is the last day of February
            "P6M, 2027-08-31T10:00:00Z, 2027-02-28T11:00:00Z",
            "P0D, 2027-09-15T10:00:00Z, 2027-09-15T10:00:00Z",
            "P1Y, 2028-02-29T12:00:00Z, 2027-02-28T12:00:00Z"})
    void the_cutoff_is_the_period_back_from_now(Period period, Instant now, Instant cutoff) {
        assertThat(new FileRetention(period).cutoff(now, PARIS)).isEqualTo(cutoff);
    }

    @ParameterizedTest
    @CsvSource({"P-1M", "P-1D"})
    void a_negative_period_is_refused(Period period) {
        assertThatThrownBy(() -> new FileRetention(period)).isInstanceOf(IllegalArgumentException.class);
    }
}
