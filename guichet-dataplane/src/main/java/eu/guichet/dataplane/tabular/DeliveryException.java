package eu.guichet.dataplane.tabular;

/**
 * A delivery could not be processed (unreadable file, concurrent delivery, interruption, engine failure). Nothing was
 * published. Messages name datasets, tables, columns and counts, never values; a chained DuckDB exception is only
 * there for engineers (see docs/DEVELOPING.md).
 */
public final class DeliveryException extends RuntimeException {

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
