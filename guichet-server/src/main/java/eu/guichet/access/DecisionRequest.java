package eu.guichet.access;

import java.util.Objects;

/**
 * What a decider decides. For a grant, the permit's terms beyond the application: its length (default: the
 * processing period asked for), SPE tools, fees, specific conditions, the minimum k for anonymised data, and whether
 * the opt-out exception the applicant invoked is accepted.
 */
public record DecisionRequest(DecisionOutcome outcome, String justification, Integer durationMonths,
        String speTools, String fees, String conditions, Integer minimumK, boolean optOutExceptionAccepted) {

    public DecisionRequest {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The same decision with the fees the permit states. */
    public DecisionRequest withFees(String permitFees) {
        return new DecisionRequest(outcome, justification, durationMonths, speTools, permitFees, conditions, minimumK,
                optOutExceptionAccepted);
    }

    public static DecisionRequest refuse(String justification) {
        return new DecisionRequest(DecisionOutcome.REFUSED, justification, null, null, null, null, null, false);
    }

    public static DecisionRequest grant(String justification) {
        return new DecisionRequest(DecisionOutcome.GRANTED, justification, null, null, null, null, null, false);
    }
}
