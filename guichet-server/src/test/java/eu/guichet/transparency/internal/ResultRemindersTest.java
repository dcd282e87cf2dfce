package eu.guichet.transparency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import eu.guichet.access.ClockSettings;
import eu.guichet.access.StatutoryClocks;

/**
 * When results (EHDS Art. 61) are due and which reminder a run sends: 18 months after the end of processing, counted
 * in the HDAB's zone (month ends clamp); reminders 3 months and 1 month before, then overdue.
 */
@Tag("unit")
class ResultRemindersTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final ResultsDue resultsDue = new ResultsDue(new StatutoryClocks(ClockSettings.defaults(),
            Clock.systemUTC()));

    @ParameterizedTest(name = "processing ended {0}: results due {1}")
    @CsvSource({
            "2026-03-10T14:00, 2027-09-10T14:00",
            "2026-08-31T10:00, 2028-02-29T10:00", // leap year: the month's last day
            "2025-08-31T10:00, 2027-02-28T10:00",
            "2026-01-31T09:00, 2027-07-31T09:00" })
    void results_fall_due_18_months_after_the_end_of_processing(LocalDateTime ended, LocalDateTime due) {
        assertThat(resultsDue.after(paris(ended))).isEqualTo(paris(due));
    }

    @ParameterizedTest(name = "due {0}, now {1}: {2}")
    @CsvSource({
            "2027-06-15T00:00, 2027-01-01T00:00, NONE",
            "2027-06-15T00:00, 2027-03-14T23:59, NONE",
            "2027-06-15T00:00, 2027-03-15T00:00, THREE_MONTHS",
            "2027-06-15T00:00, 2027-05-14T12:00, THREE_MONTHS",
            "2027-06-15T00:00, 2027-05-15T00:00, ONE_MONTH",
            "2027-06-15T00:00, 2027-06-14T23:59, ONE_MONTH",
            "2027-06-15T00:00, 2027-06-15T00:00, OVERDUE",
            "2027-06-15T00:00, 2029-01-01T00:00, OVERDUE",
            "2027-08-31T00:00, 2027-05-31T00:00, THREE_MONTHS",
            "2027-08-31T00:00, 2027-07-31T00:00, ONE_MONTH" })
    void a_run_sends_the_latest_stage_reached(LocalDateTime due, LocalDateTime now, String expected) {
        ResultReminders.Stage stage = ResultReminders.stageAt(resultsDue, paris(due), paris(now));
        assertThat(stage == null ? "NONE" : stage.name()).isEqualTo(expected);
    }

    private static Instant paris(LocalDateTime time) {
        return time.atZone(PARIS).toInstant();
    }
}
