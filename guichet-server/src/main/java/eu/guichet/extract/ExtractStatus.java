package eu.guichet.extract;

/** Where a permit version's extract stands. */
public enum ExtractStatus {
    /** A dataset of the scope has no version in the lake yet: built when its holder's delivery is accepted. */
    WAITING_DATA,
    /** Being built in the background (restarted from the start after a stop). */
    BUILDING,
    /** Built: its files and evidence are in place, the workspace may attach it. */
    READY,
    /** Could not be built; the reason is a code, never a value. HDAB staff may retry. */
    FAILED,
    /** A later version of the permit has its own extract. */
    SUPERSEDED,
    /**
     * The permit was revoked or expired and the retention period ({@code guichet.extract.retention}) has passed: the
     * files are deleted; the evidence stays (no row data).
     */
    DELETED
}
