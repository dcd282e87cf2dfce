package eu.guichet.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Starts the statutory clocks of the access procedure and computes their last days as EU law counts periods
 * (Regulation (EEC, Euratom) No 1182/71, Art. 3):
 * <ul>
 * <li>the day during which the event happens is not counted (3(1)); the period runs from the next day;</li>
 * <li>a period in weeks or months ends with the last hour of the day, in the last week or month, that has the same
 * weekday or date as the day of the event; if that date does not exist in the last month (31 January + 1 month), with
 * the last day of that month (3(2)(c));</li>
 * <li>Saturdays, Sundays and public holidays count (3(3)), but if the last day is one of them the period ends with the
 * next working day (3(4));</li>
 * <li>a period in working days counts working days only, from the day after the event.</li>
 * </ul>
 * An extended period is one period of the whole length, counted from the same event (3 + 3 months = 6 months from the
 * day the application became complete). Days come from instants in the HDAB's {@linkplain ClockSettings#zone() zone}.
 * Plain Java: construct it in a test with {@link ClockSettings#defaults()} and a fixed {@link Clock}.
 */
public class StatutoryClocks {

    private final ClockSettings settings;
    private final Clock clock;

    public StatutoryClocks(ClockSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ClockSettings settings() {
        return settings;
    }

    /** Starts a period now: the event it runs from has just happened. */
    public StatutoryClock start(StatutoryPeriod period) {
        return start(period, clock.instant());
    }

    /** Starts a period from an event that happened at {@code eventAt}. */
    public StatutoryClock start(StatutoryPeriod period, Instant eventAt) {
        return new StatutoryClock(period, eventAt, null, List.of(), settings);
    }

    /**
     * Rebuilds a clock from what was recorded of it (for the application model, which stores its clocks). Checks that
     * the record is coherent (stops in order, only the last one open, extension and stops allowed for the period),
     * not that each change was made in time: that was checked when it was made.
     */
    public StatutoryClock restore(StatutoryPeriod period, Instant startedAt, StatutoryClock.Extension extension,
            List<StatutoryClock.Stop> stops) {
        return new StatutoryClock(period, startedAt, extension, stops, settings);
    }

    /** Whether {@code running} has run out now. */
    public boolean isOverdue(StatutoryClock running) {
        return running.isOverdue(clock);
    }

    /** The last day of a period of {@code length} running from an event on {@code eventDay}, on this calendar. */
    public LocalDate lastDay(LocalDate eventDay, StatutoryPeriod.Length length) {
        return periodEnd(eventDay, length, settings.calendar());
    }

    static LocalDate periodEnd(LocalDate eventDay, StatutoryPeriod.Length length, HolidayCalendar calendar) {
        return calendar.nextWorkingDayFrom(unrolledEnd(eventDay, length, calendar));
    }

    /** The last day before Art. 3(4) moves it off a Saturday, Sunday or public holiday. */
    static LocalDate unrolledEnd(LocalDate eventDay, StatutoryPeriod.Length length, HolidayCalendar calendar) {
        return switch (length.unit()) {
            case MONTHS -> eventDay.plusMonths(length.amount()); // same date, or the month's last day
            case WEEKS -> eventDay.plusWeeks(length.amount()); // same weekday
            case WORKING_DAYS -> calendar.plusWorkingDays(eventDay, length.amount());
        };
    }
}
