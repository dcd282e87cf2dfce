package eu.guichet.ingest;

/** An upload session: receiving chunks, complete (hash checked), then delivered (its file moved to a delivery). */
public enum UploadStatus {
    OPEN, COMPLETE, DELIVERED
}
