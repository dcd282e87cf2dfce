package eu.guichet.dataplane.fhir;

import java.nio.file.Path;
import java.util.Objects;

import eu.guichet.dataplane.tabular.Delivery;

/**
 * A holder's FHIR R4 data, delivered as one dataset version: a directory with either one
 * {@code <ResourceType>.ndjson} file per resource type (one resource per line, {@link Layout#BULK_NDJSON}), as the
 * FHIR Bulk Data Access specification and Synthea write it, or one or more {@code *.json} files each holding one
 * {@code Bundle} ({@link Layout#BUNDLES}). Resource types Guichet does not flatten are ignored (see
 * {@code docs/reference/fhir-tables.md}).
 *
 * @param datasetId the dataset's identifier (letters, digits, {@code _}, {@code -} and {@code .})
 * @param holderId  the delivering holder: scopes the pseudonyms of resource ids and references
 * @param directory the directory holding the files
 * @param layout    how the resources are laid out in the files
 */
public record FhirDelivery(String datasetId, String holderId, Path directory, Layout layout) {

    /** How the resources are laid out in the delivered files. */
    public enum Layout {
        /** One {@code <ResourceType>.ndjson} file per resource type. */
        BULK_NDJSON,
        /**
         * {@code *.json} files, each one FHIR {@code Bundle} of type collection, transaction, batch or searchset; the
         * resources are the entries' {@code resource}.
         */
        BUNDLES
    }

    public FhirDelivery {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(layout, "layout");
        Delivery.checkDatasetId(datasetId);
        if (holderId.isBlank()) {
            throw new IllegalArgumentException("A delivery needs a holder id");
        }
    }

    /** A bulk NDJSON delivery. */
    public FhirDelivery(String datasetId, String holderId, Path directory) {
        this(datasetId, holderId, directory, Layout.BULK_NDJSON);
    }
}
