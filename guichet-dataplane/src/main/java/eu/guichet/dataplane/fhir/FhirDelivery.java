package eu.guichet.dataplane.fhir;

import java.nio.file.Path;
import java.util.Objects;

import eu.guichet.dataplane.tabular.Delivery;

/**
 * A holder's FHIR R4 bulk export, delivered as one dataset version: a directory with one {@code <ResourceType>.ndjson}
 * file per resource type (one resource per line), as the FHIR Bulk Data Access specification and Synthea write it.
 * Files of resource types Guichet does not flatten are ignored (see {@code docs/reference/fhir-tables.md}).
 *
 * @param datasetId the dataset's identifier (letters, digits, {@code _}, {@code -} and {@code .})
 * @param holderId  the delivering holder: scopes the pseudonyms of resource ids and references
 * @param directory the directory holding the NDJSON files
 */
public record FhirDelivery(String datasetId, String holderId, Path directory) {

    public FhirDelivery {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(directory, "directory");
        Delivery.checkDatasetId(datasetId);
        if (holderId.isBlank()) {
            throw new IllegalArgumentException("A delivery needs a holder id");
        }
    }
}
