package eu.guichet.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.ValidationException;

/**
 * One running statutory period: when it started, whether it was extended (once, with reasons), when it was stopped,
 * and so when it runs out. Immutable: {@link #extend}, {@link #stop} and {@link #resume} return a new clock. Started
 * by {@link StatutoryClocks}, which also explains how the last day is computed.
 *
 * <p><b>Deadline convention.</b> A period ends with the expiry of the last hour of its {@linkplain #lastDay() last
 * day} in the HDAB's zone; {@link #dueAt()} is therefore the first instant of the following day (midnight, exclusive):
 * the clock is overdue from that instant on.
 *
 * <p><b>Stops.</b> A stop runs from the day it begins to the day the clock resumes; it pushes the last day by the
 * number of calendar days between those two dates (stopped and resumed the same day: no push; stopped on 10 March and
 * resumed on 24 March: 14 days). Stops push the deadline only when the HDAB turns
 * {@linkplain ClockSettings#stopTheClock() stop-the-clock} on; otherwise they are recorded and ignored. While a stop is
 * open, {@link #dueAt()} counts it as if it ended the day it began, and the methods taking a {@link Clock} count it up
 * to today, so a stopped clock never runs out.
 */
public final class StatutoryClock {

    /** The one extension of a period: why, and when it was granted. */
    public record Extension(String reason, Instant at) {

        public Extension {
            Objects.requireNonNull(at, "at");
            if (reason == null || reason.isBlank()) {
                throw new ValidationException("access.extension_reason_required",
                        "An extension needs the reasons given to the applicant.",
                        List.of(new ValidationException.FieldError("reason", "must not be blank")));
            }
            reason = reason.strip();
        }
    }

    /** A time during which the clock was stopped; {@code resumedAt} is null while the stop is open. */
    public record Stop(Instant stoppedAt, Instant resumedAt) {

        public Stop {
            Objects.requireNonNull(stoppedAt, "stoppedAt");
            if (resumedAt != null && resumedAt.isBefore(stoppedAt)) {
                throw outOfOrder("A clock resumes after it stopped.");
            }
        }

        public boolean isOpen() {
            return resumedAt == null;
        }

        public Optional<Instant> resumed() {
            return Optional.ofNullable(resumedAt);
        }
    }

    private final StatutoryPeriod period;
    private final Instant startedAt;
    private final Extension extension;
    private final List<Stop> stops;
    private final ClockSettings settings;

    StatutoryClock(StatutoryPeriod period, Instant startedAt, Extension extension, List<Stop> stops,
            ClockSettings settings) {
        this.period = Objects.requireNonNull(period, "period");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.extension = extension;
        this.stops = List.copyOf(stops);
        this.settings = Objects.requireNonNull(settings, "settings");
        if (extension != null && !period.isExtendable()) {
            throw notExtendable(period);
        }
        if (!this.stops.isEmpty() && !period.clarificationsMayStop()) {
            throw notStoppable(period);
        }
        Instant previous = startedAt;
        for (int i = 0; i < this.stops.size(); i++) {
            Stop stop = this.stops.get(i);
            if (stop.stoppedAt().isBefore(previous)) {
                throw outOfOrder("Stops follow one another, after the start.");
            }
            if (stop.isOpen() && i < this.stops.size() - 1) {
                throw outOfOrder("Only the last stop may be open.");
            }
            previous = stop.isOpen() ? stop.stoppedAt() : stop.resumedAt();
        }
    }

    public StatutoryPeriod period() {
        return period;
    }

    /** When the event the period runs from happened. */
    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Extension> extension() {
        return Optional.ofNullable(extension);
    }

    public boolean isExtended() {
        return extension != null;
    }

    /** Every stop, in order, whether or not stop-the-clock is on. */
    public List<Stop> stops() {
        return stops;
    }

    /** Whether the last stop is still open. */
    public boolean isStopped() {
        return !stops.isEmpty() && stops.get(stops.size() - 1).isOpen();
    }

    public ClockSettings settings() {
        return settings;
    }

    /** The length that applies now: the period's, or the extended one. */
    public StatutoryPeriod.Length length() {
        return extension == null ? period.length() : period.extendedLength();
    }

    /** The day the period runs from, in the HDAB's zone (not itself counted). */
    public LocalDate startDay() {
        return day(startedAt);
    }

    /** The last day of the period, an open stop counted as if it ended the day it began. */
    public LocalDate lastDay() {
        return lastDayAsOf(null);
    }

    /** The deadline: the first instant after the last day, in the HDAB's zone. */
    public Instant dueAt() {
        return endOf(lastDay());
    }

    /** The last day as it stands at {@code now}: an open stop is counted up to today. */
    public LocalDate lastDay(Clock now) {
        return lastDayAsOf(now.instant());
    }

    /** The deadline as it stands at {@code now}: an open stop is counted up to today. */
    public Instant dueAt(Clock now) {
        return endOf(lastDay(now));
    }

    /** Whether the period has run out at {@code now} (from {@link #dueAt(Clock)} on). */
    public boolean isOverdue(Clock now) {
        return isOverdueAt(now.instant());
    }

    /** Time left until the deadline; zero or negative once overdue. */
    public Duration remaining(Clock now) {
        return Duration.between(now.instant(), dueAt(now));
    }

    /**
     * Calendar days from today to the last day: 0 when today is the last day, negative once overdue (−1 the day after
     * the last day).
     */
    public long daysLeft(Clock now) {
        return ChronoUnit.DAYS.between(day(now.instant()), lastDay(now));
    }

    /** Days by which stops push the last day, an open stop counted as zero; always 0 when stop-the-clock is off. */
    public long stoppedDays() {
        return stoppedDaysAsOf(null);
    }

    /** Days by which stops push the last day, an open stop counted up to today; 0 when stop-the-clock is off. */
    public long stoppedDays(Clock now) {
        return stoppedDaysAsOf(now.instant());
    }

    private long stoppedDaysAsOf(Instant now) {
        if (!settings.stopTheClock()) {
            return 0;
        }
        long days = 0;
        for (Stop stop : stops) {
            LocalDate from = day(stop.stoppedAt());
            LocalDate to = stop.isOpen() ? (now == null ? from : day(now)) : day(stop.resumedAt());
            days += Math.max(0, ChronoUnit.DAYS.between(from, to));
        }
        return days;
    }

    /**
     * Extends the period, once, with the reasons given to the applicant. Refused for a period the law does not let
     * extend, a second time, or once the period has run out.
     */
    public StatutoryClock extend(String reason, Instant at) {
        if (!period.isExtendable()) {
            throw notExtendable(period);
        }
        if (extension != null) {
            throw new InvalidTransitionException("access.clock_already_extended",
                    "This " + label() + " period was already extended once; the law allows one extension.");
        }
        Extension granted = new Extension(reason, at);
        checkRunningAt(at);
        return new StatutoryClock(period, startedAt, granted, stops, settings);
    }

    /** Stops the clock at {@code at}, e.g. when the HDAB asks the applicant for clarifications. */
    public StatutoryClock stop(Instant at) {
        if (!period.clarificationsMayStop()) {
            throw notStoppable(period);
        }
        if (isStopped()) {
            throw new InvalidTransitionException("access.clock_already_stopped", "The clock is already stopped.");
        }
        checkRunningAt(at);
        List<Stop> more = new ArrayList<>(stops);
        more.add(new Stop(at, null));
        return new StatutoryClock(period, startedAt, extension, more, settings);
    }

    /** Resumes a stopped clock at {@code at}, e.g. when the applicant answers. */
    public StatutoryClock resume(Instant at) {
        if (!isStopped()) {
            throw new InvalidTransitionException("access.clock_not_stopped", "The clock is not stopped.");
        }
        List<Stop> more = new ArrayList<>(stops);
        Stop open = more.remove(more.size() - 1);
        more.add(new Stop(open.stoppedAt(), at));
        return new StatutoryClock(period, startedAt, extension, more, settings);
    }

    private void checkRunningAt(Instant at) {
        Objects.requireNonNull(at, "at");
        Instant latest = stops.isEmpty() ? startedAt
                : stops.get(stops.size() - 1).resumed().orElse(stops.get(stops.size() - 1).stoppedAt());
        if (at.isBefore(latest)) {
            throw outOfOrder("A clock changes after its start and its last stop.");
        }
        if (isOverdueAt(at)) {
            throw new InvalidTransitionException("access.clock_expired",
                    "The " + label() + " period ran out on " + lastDayAsOf(at) + ".");
        }
    }

    private boolean isOverdueAt(Instant now) {
        return !now.isBefore(endOf(lastDayAsOf(now)));
    }

    /** The last day with stops counted up to {@code now} (null: an open stop counts as zero days). */
    private LocalDate lastDayAsOf(Instant now) {
        LocalDate nominal = StatutoryClocks.periodEnd(startDay(), length(), settings.calendar());
        long pushed = stoppedDaysAsOf(now);
        return pushed == 0 ? nominal
                : settings.calendar().nextWorkingDayFrom(
                        StatutoryClocks.unrolledEnd(startDay(), length(), settings.calendar()).plusDays(pushed));
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(settings.zone()).toLocalDate();
    }

    private Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(settings.zone()).toInstant();
    }

    private String label() {
        return period.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static InvalidTransitionException notExtendable(StatutoryPeriod period) {
        return new InvalidTransitionException("access.clock_not_extendable",
                "The law allows no extension of this period (" + period.legalBasis() + ").");
    }

    private static InvalidTransitionException notStoppable(StatutoryPeriod period) {
        return new InvalidTransitionException("access.clock_not_stoppable",
                "Clarifications do not stop this period (" + period.legalBasis() + ").");
    }

    private static ValidationException outOfOrder(String message) {
        return new ValidationException("access.clock_time_out_of_order", message);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatutoryClock c && c.period == period && c.startedAt.equals(startedAt)
                && Objects.equals(c.extension, extension) && c.stops.equals(stops) && c.settings.equals(settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, startedAt, extension, stops, settings);
    }

    @Override
    public String toString() {
        return period + " from " + startDay() + (isExtended() ? " extended" : "") + ", last day " + lastDay()
                + (isStopped() ? " (stopped)" : "");
    }
}
