package eu.guichet.dataplane.tabular;

/**
 * Follows a delivery's progress (progress bars, and fault injection in tests). Receives counts and names only, never
 * values. A runtime exception thrown here aborts the delivery like any other failure: nothing is published. Calls
 * come from one thread at a time, not always the same one (FHIR files are staged on several threads).
 */
public interface DeliveryObserver {

    DeliveryObserver NONE = new DeliveryObserver() {
    };

    /** Called after each record of a table is read and staged; {@code records} counts from 1. */
    default void recordRead(String table, long records) {
    }

    /** Called when every file of the version is written, just before the atomic publication. */
    default void beforePublish(String datasetId, String version) {
    }
}
