/**
 * Extract: each permit version's extract (EHDS Art. 68(10), 71; ARCHITECTURE.md security properties 5 and 6) built
 * by the data plane from the permit's scope when {@link eu.guichet.access.PermitGranted} or
 * {@link eu.guichet.access.PermitAmended} arrives: the scoped tables of the datasets' current lake versions, minus the
 * persons whose opt-out took effect before the scope's reference instant, under per-project pseudonyms, generalised to
 * the permit's minimum k when anonymised; its evidence (opt-out snapshot, rows per table, SHA-256 of each file);
 * publishes {@link eu.guichet.extract.ExtractReady} for the workspace.
 */
package eu.guichet.extract;
