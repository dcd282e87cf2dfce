package eu.guichet.access;

/**
 * Where an application or a data request stands (TEHDAS2 D6.4 statuses, with DRAFT, AWAITING_CLARIFICATION and
 * LAPSED added). The allowed moves are one table, {@code ApplicationLifecycle}.
 */
public enum ApplicationStatus {
    /** Being written by the applicant; not yet received by the HDAB. */
    DRAFT,
    /** Received; the automatic screening runs at once. */
    SUBMITTED,
    /** Screened without a blocking finding; an HDAB reviewer checks completeness. */
    PRE_SCREENING,
    /** Complete: assessed by a reviewer; the decision clock runs. */
    PROCESSING,
    /** Incomplete: the applicant has 4 weeks to complete it (Art. 68(4)), or it lapses. */
    AWAITING_ADDITIONAL_INFORMATION,
    /** During assessment, the HDAB asked the applicant a question (stops the clock only where national rules say so). */
    AWAITING_CLARIFICATION,
    /** Granted, refused or answered with a statistical offer: see the decision. */
    DECISION_ISSUED,
    /** Withdrawn by the applicant: only costs already incurred are charged (Art. 62). */
    WITHDRAWN,
    /** Not completed within its 4 weeks: closed without a permit. */
    LAPSED;

    public boolean isClosed() {
        return this == DECISION_ISSUED || this == WITHDRAWN || this == LAPSED;
    }
}
