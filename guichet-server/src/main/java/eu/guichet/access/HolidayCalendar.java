package eu.guichet.access;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public holidays of the HDAB's territory, for any year, and so its working days (Monday to Friday, not a public
 * holiday). Statutory periods ending on a day that is not a working day run on to the next working day; periods
 * counted in working days skip them (Regulation 1182/71, Art. 2 and 3).
 *
 * <p>{@link Region#FRANCE}: the eleven national public holidays (Code du travail, art. L3133-1). {@link
 * Region#ALSACE_MOSELLE} adds Good Friday and 26 December (art. L3134-13). An HDAB adds one-off days (a bridge day
 * decreed for State services, say) as {@linkplain #withExtraHolidays extra holidays}. Immutable.
 */
public final class HolidayCalendar {

    /** Which statutory list of public holidays applies. */
    public enum Region {
        /** The national list. */
        FRANCE,
        /** The national list plus Good Friday and 26 December (Bas-Rhin, Haut-Rhin, Moselle). */
        ALSACE_MOSELLE
    }

    /** One public holiday: its date and its English name ("extra holiday" for configured ones). */
    public record Holiday(LocalDate date, String name) {
    }

    public static final HolidayCalendar FRANCE = new HolidayCalendar(Region.FRANCE, Set.of());

    public static final HolidayCalendar ALSACE_MOSELLE = new HolidayCalendar(Region.ALSACE_MOSELLE, Set.of());

    private final Region region;
    private final SortedSet<LocalDate> extraHolidays;
    /** Holiday dates by year, filled on first use; a cache of a pure function, so the calendar stays immutable. */
    private final Map<Integer, Set<LocalDate>> datesByYear = new ConcurrentHashMap<>();

    private HolidayCalendar(Region region, Collection<LocalDate> extraHolidays) {
        this.region = Objects.requireNonNull(region, "region");
        this.extraHolidays = Collections.unmodifiableSortedSet(new TreeSet<>(extraHolidays));
    }

    /** The calendar of a region, with the HDAB's extra holidays (may be empty). */
    public static HolidayCalendar of(Region region, Collection<LocalDate> extraHolidays) {
        return new HolidayCalendar(region, extraHolidays);
    }

    /** This calendar with more one-off holidays. */
    public HolidayCalendar withExtraHolidays(Collection<LocalDate> more) {
        List<LocalDate> all = new ArrayList<>(extraHolidays);
        all.addAll(more);
        return new HolidayCalendar(region, all);
    }

    public Region region() {
        return region;
    }

    public SortedSet<LocalDate> extraHolidays() {
        return extraHolidays;
    }

    /** The public holidays of a year in date order (a date that is two holidays at once is listed twice). */
    public List<Holiday> holidays(int year) {
        LocalDate easter = easterSunday(year);
        List<Holiday> days = new ArrayList<>(List.of(
                new Holiday(LocalDate.of(year, Month.JANUARY, 1), "New Year's Day"),
                new Holiday(easter.plusDays(1), "Easter Monday"),
                new Holiday(LocalDate.of(year, Month.MAY, 1), "Labour Day"),
                new Holiday(LocalDate.of(year, Month.MAY, 8), "Victory in Europe Day"),
                new Holiday(easter.plusDays(39), "Ascension Day"),
                new Holiday(easter.plusDays(50), "Whit Monday"),
                new Holiday(LocalDate.of(year, Month.JULY, 14), "Bastille Day"),
                new Holiday(LocalDate.of(year, Month.AUGUST, 15), "Assumption Day"),
                new Holiday(LocalDate.of(year, Month.NOVEMBER, 1), "All Saints' Day"),
                new Holiday(LocalDate.of(year, Month.NOVEMBER, 11), "Armistice Day"),
                new Holiday(LocalDate.of(year, Month.DECEMBER, 25), "Christmas Day")));
        if (region == Region.ALSACE_MOSELLE) {
            days.add(new Holiday(easter.minusDays(2), "Good Friday"));
            days.add(new Holiday(LocalDate.of(year, Month.DECEMBER, 26), "St Stephen's Day"));
        }
        extraHolidays.stream().filter(d -> d.getYear() == year).forEach(d -> days.add(new Holiday(d, "extra holiday")));
        days.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(days);
    }

    public boolean isHoliday(LocalDate date) {
        return datesByYear.computeIfAbsent(date.getYear(),
                year -> Set.copyOf(holidays(year).stream().map(Holiday::date).toList())).contains(date);
    }

    /** Monday to Friday and not a public holiday. */
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** {@code date} itself if it is a working day, else the first working day after it. */
    public LocalDate nextWorkingDayFrom(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The {@code count}-th working day after {@code date} ({@code date} itself is not counted). */
    public LocalDate plusWorkingDays(LocalDate date, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        LocalDate d = date;
        for (int left = count; left > 0;) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        if (year < 1583) {
            throw new IllegalArgumentException("the Gregorian computus applies from 1583: " + year);
        }
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HolidayCalendar c && c.region == region && c.extraHolidays.equals(extraHolidays);
    }

    @Override
    public int hashCode() {
        return region.hashCode() * 31 + extraHolidays.hashCode();
    }

    @Override
    public String toString() {
        return extraHolidays.isEmpty() ? region.name() : region + " + " + extraHolidays;
    }
}
