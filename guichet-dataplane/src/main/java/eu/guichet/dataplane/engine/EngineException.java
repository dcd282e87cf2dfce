package eu.guichet.dataplane.engine;

import java.util.Optional;

/**
 * An engine statement failed. Its message names the failure's class and SQLState only: the engine's own message can
 * quote a value of a row, and the callers log what they throw (DEVELOPING.md, "Classes that touch rows"). The cause is
 * not chained for the same reason.
 */
public final class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String exceptionClass;
    private final String sqlState;

    public EngineException(String exceptionClass, String sqlState) {
        super("the engine failed (" + kind(exceptionClass, sqlState) + ")", null, false, true);
        this.exceptionClass = exceptionClass;
        this.sqlState = sqlState;
    }

    private static String kind(String exceptionClass, String sqlState) {
        return exceptionClass + (sqlState == null ? "" : ", SQLState " + sqlState);
    }

    /** What failed, without the engine's message: the engine's exception class and its SQLState, if any. */
    public String kind() {
        return kind(exceptionClass, sqlState);
    }

    /** The SQLState of the failure, when the engine gave one. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** The SQLState as the callers' messages used to print it ({@code null} when there is none). */
    public String getSQLState() {
        return sqlState;
    }
}
