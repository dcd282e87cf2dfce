package eu.guichet.access.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import eu.guichet.access.ClockSettings;
import eu.guichet.access.HolidayCalendar;

/**
 * The access module's settings: how the statutory clocks run.
 *
 * @param timeZone      the HDAB's time zone: the day an event falls on, and midnight at the end of a last day
 * @param calendar      which public holidays apply: {@code FRANCE} or {@code ALSACE_MOSELLE} (adds Good Friday and
 *                      26 December)
 * @param extraHolidays one-off non-working days of the HDAB (ISO dates, e.g. {@code 2026-05-15})
 * @param documentLanguage the language of decision documents (the HDAB's official language)
 * @param stopTheClock  whether asking the applicant for clarifications stops the assessment clocks (off: the EHDS
 *                      stops no clock; turn on only where national rules say so)
 * @param decisionReminderLead   how long before a decision clock's deadline its reviewers and deciders are
 *                               reminded (they are reminded again once it is overdue)
 * @param completionReminderLead how long before the end of the 4 weeks to complete the applicant is reminded
 * @param holderReminderLead     how long before a holder's delivery deadline the holder is reminded
 */
@Validated
@ConfigurationProperties("guichet.access")
public record AccessProperties(
        @NotNull @DefaultValue("Europe/Paris") ZoneId timeZone,
        @NotNull @DefaultValue("FRANCE") HolidayCalendar.Region calendar,
        @NotNull @DefaultValue List<LocalDate> extraHolidays,
        @DefaultValue("false") boolean stopTheClock,
        @NotNull @DefaultValue("fr") java.util.Locale documentLanguage,
        @NotNull @DefaultValue("P14D") Duration decisionReminderLead,
        @NotNull @DefaultValue("P7D") Duration completionReminderLead,
        @NotNull @DefaultValue("P14D") Duration holderReminderLead) {

    public ClockSettings clockSettings() {
        return new ClockSettings(timeZone, HolidayCalendar.of(calendar, extraHolidays), stopTheClock);
    }
}
