package eu.guichet.access;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How this HDAB runs its statutory clocks.
 *
 * @param zone         the HDAB's time zone: it decides on which day an instant falls, and deadlines end at midnight
 *                     there
 * @param calendar     its public holidays
 * @param stopTheClock whether asking the applicant for clarifications stops the assessment clocks (a national choice;
 *                     off by default, as the EHDS itself stops no clock)
 */
public record ClockSettings(ZoneId zone, HolidayCalendar calendar, boolean stopTheClock) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public ClockSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** Europe/Paris, French public holidays, stop-the-clock off. */
    public static ClockSettings defaults() {
        return new ClockSettings(PARIS, HolidayCalendar.FRANCE, false);
    }

    public ClockSettings withCalendar(HolidayCalendar other) {
        return new ClockSettings(zone, other, stopTheClock);
    }

    public ClockSettings withStopTheClock(boolean on) {
        return new ClockSettings(zone, calendar, on);
    }
}
