package eu.guichet.workspace;

/** Where a workspace stands; the moves are in {@link WorkspaceLifecycle}. */
public enum WorkspaceStatus {
    /** Waiting for its permit or its extract. */
    PENDING,
    /** Its members may work in it. */
    OPEN,
    /** Its permit was revoked or expired: nobody enters; its files wait for the retention period. */
    LOCKED,
    /** Its files are deleted. */
    DELETED
}
