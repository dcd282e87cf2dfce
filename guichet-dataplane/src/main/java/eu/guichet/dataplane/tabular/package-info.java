/**
 * Tabular deliveries: Table Schema (the SNDS schemas' format) model and reader, streaming CSV validation with
 * quarantine, pseudonymisation at entry and atomic publication of dataset versions as Parquet.
 * See docs/reference/table-schema-validation.md.
 */
package eu.guichet.dataplane.tabular;
