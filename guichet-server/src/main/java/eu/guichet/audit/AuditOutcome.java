package eu.guichet.audit;

/** How the audited action ended. */
public enum AuditOutcome {
    SUCCESS,
    /** Refused by an access rule (role, organisation, permit). */
    DENIED,
    /** Attempted and failed (e.g. wrong password). */
    FAILURE
}
