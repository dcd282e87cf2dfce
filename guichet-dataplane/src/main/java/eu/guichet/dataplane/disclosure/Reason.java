package eu.guichet.dataplane.disclosure;

/**
 * Why a cell is not simply released: a stable code (the server translates {@code disclosure.<code>}), the outcome it
 * leads to, and a suggestion in plain English for the member who asked for the release.
 */
public enum Reason {
    BELOW_THRESHOLD("below_threshold", Outcome.SUPPRESS,
            "Fewer contributors than the minimum: group categories together (wider age bands, regions instead of "
                    + "districts) or drop this breakdown."),
    ZERO("zero", Outcome.REVIEW,
            "A zero can reveal that everyone in the row or column shares an attribute: say whether it is structural "
                    + "(impossible by definition, e.g. prostate cancer in women) or a sampling zero, and group "
                    + "categories if it reveals something about the others."),
    DOMINANCE("dominance", Outcome.SUPPRESS,
            "A few contributors make up most of this total: group categories so that more contributors share it, "
                    + "or release counts instead of amounts."),
    P_PERCENT("p_percent", Outcome.SUPPRESS,
            "The second-largest contributor could estimate the largest one's value too closely: group categories "
                    + "or release counts instead of amounts."),
    CONTRIBUTORS_NOT_CHECKABLE("contributors_not_checkable", Outcome.REVIEW,
            "Only the aggregates are known, so dominance and p% could not be checked: re-run the check on the "
                    + "query's rows, or have an output checker review the amounts."),
    DIFFERENCING("differencing", Outcome.SUPPRESS,
            "Together with an earlier release of the project, this cell would reveal a group smaller than the "
                    + "minimum (the difference of the two): align the populations or group categories."),
    SECONDARY("secondary", Outcome.SUPPRESS,
            "Hidden to protect another hidden cell, which could otherwise be worked out from this one and the "
                    + "totals: drop the totals or group categories to keep it."),
    NOT_AUDITED("not_audited", Outcome.REVIEW,
            "The automatic check could not prove that this hidden cell cannot be worked out from the totals: an "
                    + "output checker reviews it, or group categories so that fewer cells are hidden."),
    ROUNDED("rounded", Outcome.ROUND,
            "Released rounded, as the HDAB's rules require; totals are rounded on their own and may not add up.");

    private final String code;
    private final Outcome outcome;
    private final String suggestion;

    Reason(String code, Outcome outcome, String suggestion) {
        this.code = code;
        this.outcome = outcome;
        this.suggestion = suggestion;
    }

    public String code() {
        return code;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String suggestion() {
        return suggestion;
    }

    int bit() {
        return 1 << ordinal();
    }
}
