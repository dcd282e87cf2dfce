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

    public CellCheck withoutValue() {
        return new CellCheck(labels, outcome, reasons, Optional.empty(), released);
    }
}
