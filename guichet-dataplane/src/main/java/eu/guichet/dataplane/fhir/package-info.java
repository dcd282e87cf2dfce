/**
 * FHIR R4 bulk NDJSON deliveries: a streaming flattener (Jackson 2 {@code JsonParser}) turns each resource into one
 * row of a flat table described by an SQL-on-FHIR v2 ViewDefinition, validating while it reads; the rows then follow
 * the tabular path (DuckDB staging, pseudonyms joined from distinct identifiers, Parquet, quarantine, atomic
 * publication). Free text never leaves the parser.
 */
package eu.guichet.dataplane.fhir;
