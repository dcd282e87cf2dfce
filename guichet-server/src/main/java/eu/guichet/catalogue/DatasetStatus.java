package eu.guichet.catalogue;

/**
 * Where a dataset description stands. The allowed moves and who may make them are one table,
 * {@code DatasetLifecycle}; the state diagram in docs/reference/dataset-lifecycle.md is generated from it.
 */
public enum DatasetStatus {
    /** The holder is writing it; only the holder and the HDAB see it. */
    DRAFT,
    /** The holder asks the HDAB to publish it. */
    SUBMITTED,
    /** In the public catalogue, searchable and harvested. */
    PUBLISHED,
    /** No longer offered; kept for the record (applications and permits may name it). */
    RETIRED
}
