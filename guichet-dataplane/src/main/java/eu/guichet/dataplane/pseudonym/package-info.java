/**
 * Pseudonymisation at entry: keyed HMAC-SHA256 pseudonyms of direct identifiers, with versioned keys held outside the
 * data (file or environment), chained rotation that keeps linkage, and per-project pseudonyms derived per permit.
 * See docs/explanation/pseudonymisation.md.
 */
package eu.guichet.dataplane.pseudonym;
