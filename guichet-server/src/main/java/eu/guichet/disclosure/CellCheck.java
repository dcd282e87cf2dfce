package eu.guichet.disclosure;

import java.util.List;
import java.util.Optional;

import eu.guichet.dataplane.disclosure.Outcome;

/**
 * One cell of a checked table: its labels ({@code Total} for a margin), its outcome and the codes of its reasons
 * (translated as {@code disclosure.reason.<code>}, with the suggestion {@code disclosure.suggestion.<code>}). The true
 * value is given to output checkers only (HDAB staff inside the secure environment), never to the requester.
 */
public record CellCheck(List<String> labels, Outcome outcome, List<String> reasons, Optional<Double> value,
        Optional<Double> released) {

    /** The true value as text, empty when not given. */
    public String valueText() {
        return value.map(CellCheck::text).orElse("");
    }

    /** The released value as text, empty when hidden. */
    public String releasedText() {
        return released.map(CellCheck::text).orElse("");
    }

    /** A whole number without decimals, else as computed. */
    public static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public CellCheck withoutValue() {
        return new CellCheck(labels, outcome, reasons, Optional.empty(), released);
    }
}
