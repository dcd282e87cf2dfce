package eu.guichet.ingest;

/**
 * What a delivery's files are. FHIR JSON bundles are not offered: the data plane flattens bulk NDJSON only (see
 * docs/how-to/deliver-data.md).
 */
public enum DeliveryFormat {
    /** CSV files, each with its Table Schema JSON: {@code T.csv} and {@code T.schema.json} (or {@code T.json}). */
    CSV_TABLE_SCHEMA,
    /** A FHIR R4 bulk export: one {@code <ResourceType>.ndjson} file per resource type. */
    FHIR_NDJSON
}
