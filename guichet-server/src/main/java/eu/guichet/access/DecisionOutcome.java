package eu.guichet.access;

/** What the HDAB decided on an application. */
public enum DecisionOutcome {
    /** A permit is issued (Art. 68(1)); for a data request, the statistical answer will be produced (Art. 69). */
    GRANTED,
    /** Refused, with a justification (Art. 68(9)). */
    REFUSED,
    /** Instead of the data asked for, an anonymised statistical answer is offered (Art. 68(3)). */
    STATISTICAL_ANSWER_OFFERED
}
