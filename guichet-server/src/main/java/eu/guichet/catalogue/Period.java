package eu.guichet.catalogue;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A period of time (dct:PeriodOfTime); either end may be open. */
public record Period(LocalDate start, LocalDate end) {

    @JsonIgnore
    public boolean isEmpty() {
        return start == null && end == null;
    }

    /** The calendar years the period touches, for the coverage facet; empty when a bound is missing. */
    public java.util.stream.IntStream years() {
        if (start == null || end == null || end.isBefore(start)) {
            return java.util.stream.IntStream.empty();
        }
        return java.util.stream.IntStream.rangeClosed(start.getYear(), end.getYear());
    }
}
