package eu.guichet.ingest;

/**
 * How many records of a table were quarantined for one reason on one column. A reason is a stable code and a column
 * name: it never quotes a value (docs/reference/table-schema-validation.md lists the codes).
 *
 * @param column the column ({@code *} for the whole record; key columns joined by {@code +})
 */
public record QuarantineReason(String reason, String column, long records) {
}
