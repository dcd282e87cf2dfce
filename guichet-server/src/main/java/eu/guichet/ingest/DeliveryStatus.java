package eu.guichet.ingest;

/** Where a delivery is in its lifecycle ({@link DeliveryLifecycle} lists the allowed moves). */
public enum DeliveryStatus {
    /** Every file is stored on the platform; waiting for a worker. */
    RECEIVED,
    /** A worker is validating, pseudonymising and writing the new dataset version (or resumes it after a restart). */
    PROCESSING,
    /** A new dataset version is published; rejected records are in its quarantine. */
    ACCEPTED,
    /** The same content was already published: nothing changed in the lake. */
    DUPLICATE,
    /** The delivery cannot be read as delivered (e.g. an invalid Table Schema); nothing was published. */
    REJECTED,
    /** Processing failed on the platform's side (disk, engine); nothing was published. */
    FAILED;

    public boolean terminal() {
        return DeliveryLifecycle.from(this).isEmpty();
    }
}
