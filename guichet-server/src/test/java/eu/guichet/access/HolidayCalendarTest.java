package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** French public holidays, computed for any year. */
@Tag("unit")
class HolidayCalendarTest {

    static List<LocalDate> dates(String... isoDates) {
        return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
    }

    @Test
    void france_2026() {
        assertThat(HolidayCalendar.FRANCE.holidays(2026)).extracting(HolidayCalendar.Holiday::date).containsExactlyElementsOf(dates(
                "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14",
                "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"));
    }

    @Test
    void france_2027() {
        assertThat(HolidayCalendar.FRANCE.holidays(2027)).extracting(HolidayCalendar.Holiday::date).containsExactlyElementsOf(dates(
                "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17", "2027-07-14",
                "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"));
    }

    @Test
    void alsace_moselle_adds_good_friday_and_26_december() {
        assertThat(HolidayCalendar.ALSACE_MOSELLE.holidays(2026)).extracting(HolidayCalendar.Holiday::date)
                .containsExactlyElementsOf(dates("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01",
                        "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01",
                        "2026-11-11", "2026-12-25", "2026-12-26"));
        assertThat(HolidayCalendar.ALSACE_MOSELLE.holidays(2027)).extracting(HolidayCalendar.Holiday::name)
                .contains("Good Friday", "St Stephen's Day").hasSize(13);
        assertThat(HolidayCalendar.ALSACE_MOSELLE.isHoliday(LocalDate.of(2027, 3, 26))).isTrue();
        assertThat(HolidayCalendar.FRANCE.isHoliday(LocalDate.of(2027, 3, 26))).isFalse();
    }

    @Test
    void the_hdab_adds_one_off_days() {
        HolidayCalendar calendar = HolidayCalendar.FRANCE.withExtraHolidays(dates("2026-05-15"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 15))).isFalse();
        assertThat(HolidayCalendar.FRANCE.isWorkingDay(LocalDate.of(2026, 5, 15))).isTrue();
        assertThat(calendar.holidays(2026)).hasSize(12).anyMatch(h -> h.name().equals("extra holiday"));
        assertThat(calendar.holidays(2027)).hasSize(11);
        assertThat(calendar).isEqualTo(HolidayCalendar.of(HolidayCalendar.Region.FRANCE, dates("2026-05-15")));
    }

    @ParameterizedTest(name = "Easter {0} is on {1}")
    @CsvSource({ "1818, 1818-03-22", "1943, 1943-04-25", "2008, 2008-03-23", "2024, 2024-03-31",
            "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16", "2038, 2038-04-25",
            "2285, 2285-03-22" })
    void easter_sunday(int year, LocalDate easter) {
        assertThat(HolidayCalendar.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({ "2026-07-13, true", "2026-07-14, false", "2026-07-18, false", "2026-07-19, false",
            "2026-05-13, true", "2026-05-14, false", "2028-06-05, false", "2028-02-29, true" })
    void working_days(LocalDate day, boolean working) {
        assertThat(HolidayCalendar.FRANCE.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void next_working_day_and_working_days_after_a_date() {
        assertThat(HolidayCalendar.FRANCE.nextWorkingDayFrom(LocalDate.of(2026, 12, 25)))
                .isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(HolidayCalendar.FRANCE.nextWorkingDayFrom(LocalDate.of(2026, 12, 24)))
                .isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(HolidayCalendar.FRANCE.plusWorkingDays(LocalDate.of(2026, 4, 30), 1))
                .isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(HolidayCalendar.FRANCE.plusWorkingDays(LocalDate.of(2026, 4, 30), 0))
                .isEqualTo(LocalDate.of(2026, 4, 30));
    }
}
