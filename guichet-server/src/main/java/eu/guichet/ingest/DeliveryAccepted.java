package eu.guichet.ingest;

import eu.guichet.catalogue.DatasetId;

/** A new version of a dataset is published in the lake (after the delivery's transaction commits). */
public record DeliveryAccepted(DatasetId datasetId, String datasetVersion) {
}
