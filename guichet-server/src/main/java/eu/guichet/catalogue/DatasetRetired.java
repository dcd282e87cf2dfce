package eu.guichet.catalogue;

/** A dataset left the public catalogue. Applications and permits that name it keep their reference. */
public record DatasetRetired(DatasetId datasetId) {
}
