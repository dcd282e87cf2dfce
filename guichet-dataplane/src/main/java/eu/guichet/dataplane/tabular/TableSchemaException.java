package eu.guichet.dataplane.tabular;

/** A Table Schema cannot be read or is inconsistent. */
public final class TableSchemaException extends RuntimeException {

    public TableSchemaException(String message) {
        super(message);
    }

    public TableSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
