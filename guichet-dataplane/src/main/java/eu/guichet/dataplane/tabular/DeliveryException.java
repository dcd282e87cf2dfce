package eu.guichet.dataplane.tabular;

import java.sql.SQLException;

import eu.guichet.dataplane.engine.EngineException;

/**
 * A delivery could not be processed (unreadable file, concurrent delivery, interruption, engine failure). Nothing was
 * published. Messages name datasets, tables, columns and counts, never values. The underlying exception is not
 * chained: a DuckDB or CSV parser message may quote a cell, and whoever logs this exception's stack trace must not
 * write health data. Only the cause's kind (its class and, for SQL, its SQLState) is kept in the message.
 */
public final class DeliveryException extends RuntimeException {

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message + " (" + kind(cause) + ")");
    }

    private static String kind(Throwable cause) {
        if (cause instanceof EngineException engine) {
            return engine.kind();
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return cause.getClass().getSimpleName() + ", SQLState " + sql.getSQLState();
        }
        return cause.getClass().getSimpleName();
    }
}
