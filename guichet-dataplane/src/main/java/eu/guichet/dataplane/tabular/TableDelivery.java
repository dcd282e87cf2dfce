package eu.guichet.dataplane.tabular;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One CSV file of a delivery with the Table Schema it must follow and what to do with its direct identifiers.
 *
 * @param schema     the table's Table Schema; its name names the Parquet files
 * @param csvFile    the delivered CSV (UTF-8, header line first)
 * @param treatments identifier columns and their treatment; every other column is kept as validated
 * @param delimiter  the cell separator
 */
public record TableDelivery(TableSchema schema, Path csvFile, Map<String, ColumnTreatment> treatments,
        char delimiter) {

    public TableDelivery {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(csvFile, "csvFile");
        treatments = Map.copyOf(treatments);
        for (Map.Entry<String, ColumnTreatment> t : treatments.entrySet()) {
            Field field = schema.findField(t.getKey()).orElseThrow(() -> new TableSchemaException(
                    "Treated column " + t.getKey() + " is not a field of " + schema.name()));
            if (t.getValue() == ColumnTreatment.BIRTH_DATE_TO_YEAR && !(field.type() == FieldType.DATE
                    || field.type() == FieldType.DATETIME || field.type() == FieldType.YEARMONTH
                    || field.type() == FieldType.YEAR)) {
                throw new TableSchemaException("Column " + t.getKey() + " is not a date and cannot be cut to a year");
            }
        }
    }

    /** A comma-separated file. */
    public static TableDelivery csv(TableSchema schema, Path csvFile, Map<String, ColumnTreatment> treatments) {
        return new TableDelivery(schema, csvFile, treatments, ',');
    }

    public ColumnTreatment treatment(String column) {
        return treatments.get(column);
    }
}
