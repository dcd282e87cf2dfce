package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.ValidationException;

/** A running clock: extension once, stops, overdue and remaining time at an injected clock. */
@Tag("unit")
class StatutoryClockTest {

    static final ZoneId PARIS = ClockSettings.PARIS;
    /** 2 March 2026, 10:00 in Paris: the application became complete. */
    static final Instant COMPLETE = at(LocalDate.of(2026, 3, 2));

    final StatutoryClocks clocks = new StatutoryClocks(ClockSettings.defaults(), Clock.fixed(COMPLETE, PARIS));
    final StatutoryClocks stoppingClocks = new StatutoryClocks(ClockSettings.defaults().withStopTheClock(true),
            Clock.fixed(COMPLETE, PARIS));

    static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant();
    }

    static Clock fixedAt(Instant instant) {
        return Clock.fixed(instant, PARIS);
    }

    @Test
    void starts_now_from_the_injected_clock_and_ends_at_midnight_after_the_last_day_in_paris() {
        StatutoryClock decision = clocks.start(StatutoryPeriod.DECISION);
        assertThat(decision.startedAt()).isEqualTo(COMPLETE);
        assertThat(decision.lastDay()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(decision.dueAt()).isEqualTo(Instant.parse("2026-06-02T22:00:00Z")); // summer time: UTC+2
        StatutoryClock completion = clocks.start(StatutoryPeriod.COMPLETION, at(LocalDate.of(2026, 2, 7)));
        assertThat(completion.dueAt()).isEqualTo(Instant.parse("2026-03-09T23:00:00Z")); // winter time: UTC+1
    }

    @Test
    void the_time_zone_decides_the_day_of_the_event() {
        Instant lateEvening = Instant.parse("2026-03-09T23:30:00Z");
        StatutoryClocks utc = new StatutoryClocks(
                new ClockSettings(ZoneId.of("UTC"), HolidayCalendar.FRANCE, false), fixedAt(lateEvening));
        assertThat(clocks.start(StatutoryPeriod.DECISION, lateEvening).lastDay()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(utc.start(StatutoryPeriod.DECISION, lateEvening).lastDay()).isEqualTo(LocalDate.of(2026, 6, 9));
        assertThat(utc.start(StatutoryPeriod.DECISION, lateEvening).dueAt())
                .isEqualTo(Instant.parse("2026-06-10T00:00:00Z"));
    }

    @Test
    void overdue_from_the_deadline_on_with_the_time_and_days_left_before() {
        StatutoryClock decision = clocks.start(StatutoryPeriod.DECISION, COMPLETE);
        Instant due = decision.dueAt();
        assertThat(decision.isOverdue(fixedAt(COMPLETE))).isFalse();
        assertThat(decision.daysLeft(fixedAt(COMPLETE))).isEqualTo(92); // 2 March → 2 June
        assertThat(decision.isOverdue(fixedAt(due.minusSeconds(1)))).isFalse();
        assertThat(decision.remaining(fixedAt(due.minusSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(decision.daysLeft(fixedAt(due.minusSeconds(1)))).isZero();
        assertThat(decision.isOverdue(fixedAt(due))).isTrue();
        assertThat(decision.remaining(fixedAt(due))).isZero();
        assertThat(decision.daysLeft(fixedAt(due))).isEqualTo(-1);
        assertThat(decision.remaining(fixedAt(due.plus(Duration.ofDays(2))))).isEqualTo(Duration.ofDays(-2));
        assertThat(clocks.isOverdue(decision)).isFalse();
    }

    @Test
    void an_extension_is_granted_once_with_reasons_and_a_second_one_is_refused() {
        StatutoryClock extended = clocks.start(StatutoryPeriod.DECISION, COMPLETE)
                .extend("  linkage of four sources to assess  ", COMPLETE.plus(Duration.ofDays(30)));
        assertThat(extended.isExtended()).isTrue();
        assertThat(extended.extension().orElseThrow().reason()).isEqualTo("linkage of four sources to assess");
        assertThat(extended.length()).isEqualTo(StatutoryPeriod.Length.months(6));
        assertThat(extended.lastDay()).isEqualTo(LocalDate.of(2026, 9, 2));

        assertThatThrownBy(() -> extended.extend("still complex", COMPLETE.plus(Duration.ofDays(40))))
                .isInstanceOfSatisfying(InvalidTransitionException.class,
                        e -> assertThat(e.code()).isEqualTo("access.clock_already_extended"))
                .hasMessageContaining("already extended once");
    }

    @Test
    void an_extension_needs_reasons_a_period_that_allows_one_and_a_period_still_running() {
        StatutoryClock decision = clocks.start(StatutoryPeriod.DECISION, COMPLETE);
        assertThatThrownBy(() -> decision.extend(" ", COMPLETE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.code()).isEqualTo("access.extension_reason_required"));
        assertThatThrownBy(() -> clocks.start(StatutoryPeriod.COMPLETION, COMPLETE).extend("busy", COMPLETE))
                .isInstanceOfSatisfying(InvalidTransitionException.class,
                        e -> assertThat(e.code()).isEqualTo("access.clock_not_extendable"));
        assertThatThrownBy(() -> decision.extend("too late", decision.dueAt()))
                .isInstanceOfSatisfying(InvalidTransitionException.class,
                        e -> assertThat(e.code()).isEqualTo("access.clock_expired"));
        assertThat(decision.extend("just in time", decision.dueAt().minusSeconds(1)).isExtended()).isTrue();
    }

    @Test
    void an_open_stop_holds_the_clock_when_stop_the_clock_is_on() {
        StatutoryClock stopped = stoppingClocks.start(StatutoryPeriod.DECISION, COMPLETE)
                .stop(at(LocalDate.of(2026, 3, 10)));
        assertThat(stopped.isStopped()).isTrue();
        assertThat(stopped.lastDay()).as("open stop counted as zero days").isEqualTo(LocalDate.of(2026, 6, 2));
        Clock july = fixedAt(at(LocalDate.of(2026, 7, 1)));
        assertThat(stopped.stoppedDays(july)).isEqualTo(113); // 10 March → 1 July
        assertThat(stopped.lastDay(july)).isEqualTo(LocalDate.of(2026, 9, 23));
        assertThat(stopped.isOverdue(july)).isFalse();
        assertThat(stopped.daysLeft(july)).isEqualTo(84);

        StatutoryClock resumed = stopped.resume(at(LocalDate.of(2026, 3, 24)));
        assertThat(resumed.isStopped()).isFalse();
        assertThat(resumed.stoppedDays()).isEqualTo(14);
        assertThat(resumed.lastDay()).isEqualTo(LocalDate.of(2026, 6, 16));
        assertThat(resumed.isOverdue(july)).isTrue();
    }

    @Test
    void with_stop_the_clock_off_stops_are_recorded_and_change_nothing() {
        StatutoryClock stopped = clocks.start(StatutoryPeriod.DECISION, COMPLETE).stop(at(LocalDate.of(2026, 3, 10)));
        Clock july = fixedAt(at(LocalDate.of(2026, 7, 1)));
        assertThat(stopped.stops()).hasSize(1);
        assertThat(stopped.stoppedDays(july)).isZero();
        assertThat(stopped.isOverdue(july)).isTrue();
        assertThat(stopped.resume(at(LocalDate.of(2026, 3, 24))).lastDay()).isEqualTo(LocalDate.of(2026, 6, 2));
    }

    @Test
    void stops_come_in_order_on_periods_clarifications_may_stop() {
        StatutoryClock decision = stoppingClocks.start(StatutoryPeriod.DECISION, COMPLETE);
        StatutoryClock stopped = decision.stop(at(LocalDate.of(2026, 3, 10)));
        assertThatThrownBy(() -> stopped.stop(at(LocalDate.of(2026, 3, 11))))
                .isInstanceOfSatisfying(InvalidTransitionException.class,
                        e -> assertThat(e.code()).isEqualTo("access.clock_already_stopped"));
        assertThatThrownBy(() -> decision.resume(at(LocalDate.of(2026, 3, 11))))
                .isInstanceOfSatisfying(InvalidTransitionException.class,
                        e -> assertThat(e.code()).isEqualTo("access.clock_not_stopped"));
        assertThatThrownBy(() -> stopped.resume(at(LocalDate.of(2026, 3, 9))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.code()).isEqualTo("access.clock_time_out_of_order"));
        assertThatThrownBy(() -> decision.stop(COMPLETE.minusSeconds(1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.code()).isEqualTo("access.clock_time_out_of_order"));
        assertThatThrownBy(() -> decision.stop(decision.dueAt()))
                .isInstanceOfSatisfying(InvalidTransitionException.class,
                        e -> assertThat(e.code()).isEqualTo("access.clock_expired"));
        for (StatutoryPeriod period : List.of(StatutoryPeriod.COMPLETION, StatutoryPeriod.HOLDER_DELIVERY,
                StatutoryPeriod.PROVISION, StatutoryPeriod.DECISION_PUBLICATION)) {
            assertThatThrownBy(() -> stoppingClocks.start(period, COMPLETE).stop(at(LocalDate.of(2026, 3, 3))))
                    .as(period.name()).isInstanceOfSatisfying(InvalidTransitionException.class,
                            e -> assertThat(e.code()).isEqualTo("access.clock_not_stoppable"));
        }
    }

    @Test
    void a_recorded_clock_is_restored_as_it_was_and_an_incoherent_record_is_refused() {
        StatutoryClock original = stoppingClocks.start(StatutoryPeriod.DECISION, COMPLETE)
                .extend("complex", at(LocalDate.of(2026, 3, 5)))
                .stop(at(LocalDate.of(2026, 3, 10))).resume(at(LocalDate.of(2026, 3, 24)))
                .stop(at(LocalDate.of(2026, 4, 1)));
        StatutoryClock restored = stoppingClocks.restore(original.period(), original.startedAt(),
                original.extension().orElseThrow(), original.stops());
        assertThat(restored).isEqualTo(original);
        assertThat(restored.lastDay()).isEqualTo(original.lastDay());

        var open = new StatutoryClock.Stop(at(LocalDate.of(2026, 3, 10)), null);
        var later = new StatutoryClock.Stop(at(LocalDate.of(2026, 3, 20)), at(LocalDate.of(2026, 3, 21)));
        assertThatThrownBy(() -> stoppingClocks.restore(StatutoryPeriod.DECISION, COMPLETE, null, List.of(open, later)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> stoppingClocks.restore(StatutoryPeriod.DECISION, COMPLETE, null, List.of(later, open)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void every_period_states_its_legal_basis_and_its_lengths() {
        assertThat(StatutoryPeriod.DECISION.length()).hasToString("3 months");
        assertThat(StatutoryPeriod.DECISION.extendedLength()).hasToString("6 months");
        assertThat(StatutoryPeriod.ACCELERATED_DECISION.extendedLength()).hasToString("3 months");
        assertThat(StatutoryPeriod.COMPLETION.length()).hasToString("4 weeks");
        assertThat(StatutoryPeriod.COMPLETION.extension()).isEmpty();
        assertThat(StatutoryPeriod.DECISION_PUBLICATION.length()).hasToString("30 working days");
        assertThat(StatutoryPeriod.Length.parse("1 month")).isEqualTo(StatutoryPeriod.Length.months(1));
        for (StatutoryPeriod p : StatutoryPeriod.values()) {
            assertThat(p.legalBasis()).as(p.name()).startsWith("EHDS Art. ");
        }
    }
}
