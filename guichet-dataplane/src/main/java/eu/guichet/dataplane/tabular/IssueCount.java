package eu.guichet.dataplane.tabular;

/**
 * How many records of a table were quarantined for one reason on one column.
 *
 * @param reason the {@link ReasonCode#code()}
 * @param column the column name ({@code *} for the whole record; primary-key columns joined by {@code +})
 * @param records how many records have this reason (a record with several reasons counts under each)
 */
public record IssueCount(String reason, String column, long records) {
}
