package eu.guichet.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.UserId;

/**
 * A holder's delivery of one dataset and what became of it.
 *
 * @param holder          the delivering organisation (the dataset's holder)
 * @param files           names of the delivered files
 * @param recordsRead     records read so far (progress while PROCESSING; the total afterwards)
 * @param datasetVersion  the lake version published (ACCEPTED) or already holding the content (DUPLICATE)
 * @param contentSha256   SHA-256 identifying the delivered content and its processing (data plane)
 * @param problem         why it was REJECTED or FAILED: names and codes, never values
 * @param tables          per-table outcome once processed
 */
public record Delivery(DeliveryId id, DatasetId dataset, OrganisationId holder, DeliveryFormat format,
        DeliveryStatus status, UserId submittedBy, Instant receivedAt, Instant updatedAt, List<String> files,
        long recordsRead, Optional<String> datasetVersion, Optional<String> contentSha256, Optional<String> problem,
        List<TableOutcome> tables) {

    public Delivery {
        files = List.copyOf(files);
        tables = List.copyOf(tables);
    }

    public long recordsAccepted() {
        return tables.stream().mapToLong(TableOutcome::recordsAccepted).sum();
    }

    public long recordsRejected() {
        return tables.stream().mapToLong(TableOutcome::recordsRejected).sum();
    }
}
