/**
 * Workspace: the secure processing environment (EHDS Art. 73; ARCHITECTURE.md security properties 2 to 4). One
 * workspace per permit, opened when {@link eu.guichet.extract.ExtractReady} and {@link eu.guichet.access.PermitGranted}
 * have both arrived (in either order), usable by the permit's authorised persons while it is active, locked on
 * revocation or expiry, its files deleted after the retention period. Researchers' SQL runs in locked DuckDB sessions
 * over the workspace's copy of the extract and its scratch database; clients receive capped previews, counted against
 * a daily budget; every statement is logged without values. {@link eu.guichet.workspace.Workspaces} is the API, with
 * {@link eu.guichet.workspace.Workspaces#runForDisclosure} for output control.
 */
package eu.guichet.workspace;
