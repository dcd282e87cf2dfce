package eu.guichet.audit;

/** The module API every other module calls to record what happened. */
public interface AuditTrail {

    /**
     * Appends to the trail inside the caller's transaction, so the event commits or rolls back with the change it
     * records. Fails if there is no transaction.
     */
    void record(AuditRecord record);

    /**
     * Appends in a transaction of its own that commits even when the caller's rolls back: for access denials,
     * failed logins, and other refusals whose action is not carried out.
     */
    void recordIndependently(AuditRecord record);
}
