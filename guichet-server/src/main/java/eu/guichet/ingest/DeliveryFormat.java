package eu.guichet.ingest;

/** What a delivery's files are (see docs/how-to/deliver-data.md). */
public enum DeliveryFormat {
    /** CSV files, each with its Table Schema JSON: {@code T.csv} and {@code T.schema.json} (or {@code T.json}). */
    CSV_TABLE_SCHEMA,
    /** A FHIR R4 bulk export: one {@code <ResourceType>.ndjson} file per resource type. */
    FHIR_NDJSON,
    /**
     * FHIR R4 JSON bundles: {@code *.json} files, each one {@code Bundle} of type collection, transaction, batch or
     * searchset; the entries' resources are flattened into the same tables as {@link #FHIR_NDJSON}.
     */
    FHIR_BUNDLE;

    /** Whether the lake tables are the flattened FHIR tables. */
    public boolean fhir() {
        return this != CSV_TABLE_SCHEMA;
    }
}
