package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec of the clock arithmetic: one row per case, event → period and options → last day. The same rows, with the
 * period table, make docs/reference/statutory-clocks.md.
 */
@Tag("unit")
class StatutoryClocksTest {

    /**
     * Columns: the event (a date, taken at 10:00 in Paris, or an instant) | a period, or a bare length | options |
     * the expected last day | what the row shows. Options: {@code extended} (once, the day after the event),
     * {@code alsace-moselle}, {@code extra <date>} (an HDAB holiday), {@code stop-the-clock} (the setting on),
     * {@code stop <from>..<to>} (stopped at 10:00 on the first day, resumed at 10:00 on the second).
     */
    static final String SPEC = """
            2025-01-31 | 1 month | | 2025-02-28 | 31 January + 1 month: 31 February does not exist, so the last day of February
            2028-01-31 | 1 month | | 2028-02-29 | the same in a leap year
            2027-01-31 | 1 month | | 2027-03-01 | ... and when 28 February is a Sunday, the next working day
            2024-11-30 | DECISION | | 2025-02-28 | 30 November + 3 months: 28 February
            2027-11-30 | DECISION | | 2028-02-29 | 30 November + 3 months in leap year 2028: 29 February
            2026-08-31 | DECISION | | 2026-11-30 | 31 August + 3 months: 30 November
            2026-03-02 | DECISION | | 2026-06-02 | same date three months later, a Tuesday
            2026-03-09T23:30:00Z | DECISION | | 2026-06-10 | an instant counts by its day in the HDAB's zone (00:30 on 10 March in Paris)
            2026-04-14 | DECISION | | 2026-07-15 | would end on 14 July (Bastille Day): the next working day
            2026-12-29 | DECISION | | 2027-03-30 | would end on Easter Monday 2027
            2026-02-14 | DECISION | | 2026-05-15 | would end on Ascension Thursday 2026
            2026-09-25 | DECISION | | 2026-12-28 | would end on Christmas, a Friday before a weekend
            2027-09-25 | DECISION | | 2027-12-27 | would end on Christmas, a Saturday
            2025-09-25 | DECISION | | 2025-12-26 | Christmas on a Thursday: 26 December is a working day in France...
            2025-09-25 | DECISION | alsace-moselle | 2025-12-29 | ... but not in Alsace-Moselle, then the weekend
            2025-09-26 | DECISION | alsace-moselle | 2025-12-29 | would end on 26 December in Alsace-Moselle
            2026-12-26 | DECISION | | 2027-03-26 | Good Friday is a working day in France...
            2026-12-26 | DECISION | alsace-moselle | 2027-03-30 | ... not in Alsace-Moselle: Good Friday, weekend, Easter Monday
            2026-03-02 | DECISION | extra 2026-06-02 | 2026-06-03 | would end on an extra holiday of the HDAB
            2026-02-07 | COMPLETION | | 2026-03-09 | 4 weeks: same weekday, a Saturday, so the Monday
            2026-03-09 | COMPLETION | | 2026-04-07 | 4 weeks would end on Easter Monday 2026
            2028-02-29 | COMPLETION | | 2028-03-28 | 4 weeks from 29 February
            2026-04-27 | DECISION_PUBLICATION | | 2026-06-12 | 30 working days over 1 May, 8 May, Ascension and Whit Monday
            2026-03-02 | DECISION | extended | 2026-09-02 | extended once: 6 months in all
            2026-11-30 | DECISION | extended | 2027-05-31 | extended: 6 months from 30 November (30 May, a Sunday), not 28 February + 3 months
            2026-03-10 | ACCELERATED_DECISION | | 2026-05-11 | accelerated: 2 months, ending on a Sunday
            2026-03-10 | ACCELERATED_DECISION | extended | 2026-06-10 | accelerated and extended: 2 + 1 months
            2026-12-31 | ACCELERATED_DECISION | | 2027-03-01 | 31 December + 2 months: 28 February 2027, a Sunday
            2027-03-06 | ACCELERATED_DECISION | | 2027-05-07 | would end on Ascension Thursday 2027
            2026-06-15 | DATA_REQUEST | | 2026-09-15 | data request: assessed within 3 months
            2026-06-15 | DATA_REQUEST | extended | 2026-12-15 | ... and answered within 3 more
            2026-02-02 | HOLDER_DELIVERY | | 2026-05-04 | holder delivery: 3 months, ending on a Saturday
            2026-02-02 | HOLDER_DELIVERY | extended | 2026-08-03 | holder delivery extended: 3 + 3 months, ending on a Sunday
            2026-06-15 | PROVISION | | 2026-08-17 | provision: 2 months, ending on 15 August, a Saturday
            2026-03-02 | DECISION | stop 2026-03-10..2026-03-24 | 2026-06-02 | stop-the-clock off: the stop is recorded, the deadline does not move
            2026-03-02 | DECISION | stop-the-clock, stop 2026-03-10..2026-03-24 | 2026-06-16 | stop-the-clock on: 14 days stopped, 14 days later
            2026-04-01 | DECISION | stop-the-clock, stop 2026-04-10..2026-04-23 | 2026-07-15 | 13 days stopped push the end onto 14 July: the next working day
            2026-03-02 | DECISION | stop-the-clock, stop 2026-03-10..2026-03-15, stop 2026-04-01..2026-04-04 | 2026-06-10 | two stops: 5 + 3 days
            2026-03-02 | DECISION | stop-the-clock, stop 2026-03-10..2026-03-10 | 2026-06-02 | stopped and resumed the same day: no push
            2026-03-02 | DECISION | stop-the-clock, extended, stop 2026-03-10..2026-03-24 | 2026-09-16 | extension and stop: 6 months and 14 days
            """;

    static final ZoneId PARIS = ClockSettings.PARIS;

    /** One row of the spec. */
    record Case(String event, String period, String options, LocalDate lastDay, String why) {

        static Case parse(String line) {
            String[] cells = Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            return new Case(cells[0], cells[1], cells[2], LocalDate.parse(cells[3]), cells[4]);
        }

        @Override
        public String toString() {
            return event + " + " + period + (options.isEmpty() ? "" : " [" + options + "]") + " → " + lastDay;
        }

        List<String> optionList() {
            return options.isEmpty() ? List.of()
                    : Arrays.stream(options.split(",")).map(String::strip).toList();
        }

        Instant eventInstant() {
            return event.contains("T") ? Instant.parse(event) : at(LocalDate.parse(event));
        }

        ClockSettings settings() {
            ClockSettings settings = ClockSettings.defaults();
            List<LocalDate> extra = new ArrayList<>();
            for (String option : optionList()) {
                if (option.equals("alsace-moselle")) {
                    settings = settings.withCalendar(HolidayCalendar.ALSACE_MOSELLE);
                } else if (option.equals("stop-the-clock")) {
                    settings = settings.withStopTheClock(true);
                } else if (option.startsWith("extra ")) {
                    extra.add(LocalDate.parse(option.substring("extra ".length())));
                }
            }
            return settings.withCalendar(settings.calendar().withExtraHolidays(extra));
        }

        boolean isBareLength() {
            return Character.isDigit(period.charAt(0));
        }

        /** The last day and deadline the clocks compute for this row. */
        StatutoryClock run() {
            StatutoryClocks clocks = new StatutoryClocks(settings(), Clock.fixed(eventInstant(), PARIS));
            StatutoryClock clock = clocks.start(StatutoryPeriod.valueOf(period), eventInstant());
            List<String> options = optionList();
            if (options.contains("extended")) {
                clock = clock.extend("complex application", clock.startedAt().plusSeconds(86_400));
            }
            for (String option : options) {
                if (option.startsWith("stop ")) {
                    String[] days = option.substring("stop ".length()).split("\\.\\.");
                    clock = clock.stop(at(LocalDate.parse(days[0]))).resume(at(LocalDate.parse(days[1])));
                }
            }
            return clock;
        }
    }

    static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant();
    }

    static Stream<Case> spec() {
        return SPEC.lines().filter(l -> !l.isBlank()).map(Case::parse);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spec")
    void computes_the_last_day_and_the_deadline(Case row) {
        if (row.isBareLength()) {
            StatutoryClocks clocks = new StatutoryClocks(row.settings(), Clock.systemUTC());
            assertThat(clocks.lastDay(LocalDate.parse(row.event()), StatutoryPeriod.Length.parse(row.period())))
                    .as(row.why()).isEqualTo(row.lastDay());
            return;
        }
        StatutoryClock clock = row.run();
        assertThat(clock.lastDay()).as(row.why()).isEqualTo(row.lastDay());
        Instant due = row.lastDay().plusDays(1).atStartOfDay(PARIS).toInstant();
        assertThat(clock.dueAt()).isEqualTo(due);
        assertThat(clock.isOverdue(Clock.fixed(due.minusNanos(1), PARIS))).isFalse();
        assertThat(clock.isOverdue(Clock.fixed(due, PARIS))).isTrue();
        assertThat(clock.settings().calendar().isWorkingDay(clock.lastDay())).isTrue();
    }

    @Test
    void the_spec_covers_every_period_and_every_option() {
        List<Case> rows = spec().toList();
        for (StatutoryPeriod period : StatutoryPeriod.values()) {
            assertThat(rows).as(period.name()).anyMatch(r -> r.period().equals(period.name()));
            if (period.isExtendable()) {
                assertThat(rows).as(period + " extended")
                        .anyMatch(r -> r.period().equals(period.name()) && r.optionList().contains("extended"));
            }
        }
        assertThat(rows.stream().flatMap(r -> r.optionList().stream()).map(o -> o.split(" ")[0]).distinct())
                .containsExactlyInAnyOrder("alsace-moselle", "extra", "extended", "stop", "stop-the-clock");
    }

    @Test
    void writes_the_reference_table() throws IOException {
        StringBuilder md = new StringBuilder("""
                # Statutory clocks

                Generated by `StatutoryClocksTest` from `eu.guichet.access.StatutoryPeriod` and the test's spec table
                (do not edit by hand). Every example below is a test case.

                ## Periods

                | Period | Legal basis | Runs from the day | Length | Extension (once, with reasons) | Clarifications may stop it¹ |
                |---|---|---|---|---|---|
                """);
        for (StatutoryPeriod p : StatutoryPeriod.values()) {
            md.append("| `").append(p.name()).append("` | ").append(p.legalBasis()).append(" | ")
                    .append(p.startsWhen()).append(" | ").append(p.length()).append(" | ")
                    .append(p.extension().map(e -> "+ " + e + " (" + p.extendedLength() + " in all)").orElse("none"))
                    .append(" | ").append(p.clarificationsMayStop() ? "yes" : "no").append(" |\n");
        }
        md.append("""

                ¹ Only when the HDAB turns `guichet.access.stop-the-clock` on; off by default.

                ## How a period is counted (Regulation (EEC, Euratom) No 1182/71, Art. 3)

                - The day of the event is not counted; the period runs from the next day.
                - Months and weeks end on the same date, or the same weekday, in the last month or week; when that date
                  does not exist (31 January + 1 month), on the last day of that month.
                - Weekends and public holidays count, but a period whose last day is a Saturday, a Sunday or a public
                  holiday ends on the next working day. Working-day periods count working days only.
                - An extended period is one period of the whole length from the same event (3 + 3 months = 6 months).
                - A period ends at the end of its last day in the HDAB's time zone (default `Europe/Paris`): the deadline
                  is midnight at the start of the next day, and the clock is overdue from that instant.
                - Stop-the-clock on: each stop pushes the last day by the calendar days from the day it began to the day
                  the clock resumed (before the next-working-day rule applies). Off: stops are recorded, nothing moves.
                - Public holidays: the French national ones (1 January, Easter Monday, 1 May, 8 May, Ascension, Whit Monday,
                  14 July, 15 August, 1 November, 11 November, 25 December); Alsace-Moselle adds Good Friday and
                  26 December; the HDAB may add days (`guichet.access.extra-holidays`).

                ## Worked examples

                Events given as a date happened at 10:00 in Paris; extensions are granted the day after the event; a stop
                `a..b` began at 10:00 on `a` and ended at 10:00 on `b`.

                | Event | Period | Options | Last day | Deadline (UTC) | What it shows |
                |---|---|---|---|---|---|
                """);
        for (Case row : spec().toList()) {
            String deadline;
            LocalDate lastDay;
            if (row.isBareLength()) {
                lastDay = new StatutoryClocks(row.settings(), Clock.systemUTC()).lastDay(LocalDate.parse(row.event()),
                        StatutoryPeriod.Length.parse(row.period()));
                deadline = "";
            } else {
                StatutoryClock clock = row.run();
                lastDay = clock.lastDay();
                deadline = clock.dueAt().atOffset(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ');
            }
            assertThat(lastDay).as(row.toString()).isEqualTo(row.lastDay());
            md.append("| ").append(row.event()).append(" | ")
                    .append(row.isBareLength() ? row.period() : "`" + row.period() + "`").append(" | ")
                    .append(row.options()).append(" | ").append(lastDay).append(" (")
                    .append(lastDay.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).append(") | ")
                    .append(deadline).append(" | ").append(row.why()).append(" |\n");
        }
        Path file = Path.of("..", "docs", "reference", "statutory-clocks.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
        assertThat(file).content().contains("| `DECISION` | EHDS Art. 68(4) |");
    }
}
