package eu.guichet.catalogue;

/** A dataset entered the public catalogue (or a new revision of it did). Carries ids, never data. */
public record DatasetPublished(DatasetId datasetId, int revision) {
}
