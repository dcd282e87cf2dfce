package eu.guichet.dataplane.tabular;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a delivery, stored as {@code delivery-report.json} in the version it published.
 *
 * @param datasetId    the dataset
 * @param outcome      {@code PUBLISHED}, or {@code DUPLICATE} when the same content was already published (no-op)
 * @param version      the version published, or for a duplicate the version that already holds the content
 * @param deliverySha256 SHA-256 over the tables' names and file hashes: the identity of the content
 * @param keyVersion   the pseudonymisation key version of the version's pseudonyms
 * @param tables       per-table reports (for a duplicate: those of the original delivery)
 */
public record DeliveryReport(String datasetId, Outcome outcome, String version, String deliverySha256, int keyVersion,
        List<TableReport> tables) {

    public enum Outcome {
        PUBLISHED, DUPLICATE
    }

    public DeliveryReport {
        tables = List.copyOf(tables);
    }

    public Optional<TableReport> table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst();
    }

    DeliveryReport asDuplicate() {
        return new DeliveryReport(datasetId, Outcome.DUPLICATE, version, deliverySha256, keyVersion, tables);
    }
}
