/**
 * Extract: each permit version's extract (EHDS Art. 68(10), 71; ARCHITECTURE.md security properties 5 and 6) built
 * by the data plane from the permit's scope when {@link eu.guichet.access.PermitGranted} or
 * {@link eu.guichet.access.PermitAmended} arrives (or, for a dataset not yet in the lake, when its
 * {@link eu.guichet.ingest.DeliveryAccepted} does): the scoped tables of the datasets' current lake versions, the
 * permit's population, minus the persons whose opt-out took effect before each dataset's reference instant, under
 * per-project pseudonyms (key version recorded at the first build), generalised to the permit's minimum k when
 * anonymised; its evidence (opt-out snapshots, rows per table, SHA-256 of each file) at
 * {@code GET /api/permits/{id}/extract} and on the permit page; publishes {@link eu.guichet.extract.ExtractReady} for
 * the workspace. One lifecycle table, {@link eu.guichet.extract.ExtractLifecycle}. See docs/explanation/extracts.md.
 */
package eu.guichet.extract;
