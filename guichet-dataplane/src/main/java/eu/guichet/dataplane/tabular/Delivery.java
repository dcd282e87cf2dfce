package eu.guichet.dataplane.tabular;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A holder's delivery of one dataset: one or more tables, published together as one dataset version.
 *
 * @param datasetId the dataset's identifier (e.g. {@code FR-SNDS-DCIR}); a directory name, so letters, digits,
 *                  {@code _}, {@code -} and {@code .}
 * @param holderId  the delivering holder (scopes {@link ColumnTreatment#HOLDER_PATIENT_ID} pseudonyms)
 * @param tables    the tables, at most one per table name
 */
public record Delivery(String datasetId, String holderId, List<TableDelivery> tables) {

    public Delivery {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(holderId, "holderId");
        checkDatasetId(datasetId);
        if (holderId.isBlank()) {
            throw new IllegalArgumentException("A delivery needs a holder id");
        }
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("A delivery needs at least one table");
        }
        Set<String> names = new HashSet<>();
        for (TableDelivery t : tables) {
            if (!names.add(t.schema().name())) {
                throw new IllegalArgumentException("Table " + t.schema().name() + " is delivered twice");
            }
        }
    }

    /** A dataset id names a directory of the lake: letters, digits, '_', '-' and '.', never a path. */
    public static void checkDatasetId(String datasetId) {
        if (datasetId == null || !datasetId.matches("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,127}")
                || datasetId.contains("..")) {
            throw new IllegalArgumentException("A dataset id holds only letters, digits, '_', '-' and '.'");
        }
    }
}
