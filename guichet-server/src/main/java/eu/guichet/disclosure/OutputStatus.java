package eu.guichet.disclosure;

/** Where a request to release an output stands; {@link OutputLifecycle} lists the allowed moves. */
public enum OutputStatus {
    /** Asked for; the automatic checks run. */
    SUBMITTED,
    /** The checks ran: waits for two output checkers. */
    CHECKED,
    /** The query could not be re-run or its rows do not fit the declared table. */
    CHECK_FAILED,
    /** One checker approved; waits for a second, independent one. */
    IN_REVIEW,
    /** Two checkers approved. */
    APPROVED,
    /** The file is stored and may be downloaded by the permit's members. */
    RELEASED,
    REJECTED,
    /** A checker sent it back with comments: the requester may resubmit it. */
    RETURNED,
    WITHDRAWN;

    public boolean awaitsReview() {
        return this == CHECKED || this == IN_REVIEW;
    }
}
