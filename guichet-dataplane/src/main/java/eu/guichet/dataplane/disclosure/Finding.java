package eu.guichet.dataplane.disclosure;

import java.util.List;

/** A cell that is not simply released: its labels (dimension order, {@code Total} for a margin), outcome and reasons. */
public record Finding(List<String> cell, Outcome outcome, List<Reason> reasons) {

    /** The suggestions of the reasons, in plain English, one per reason. */
    public List<String> suggestions() {
        return reasons.stream().map(Reason::suggestion).toList();
    }
}
