package eu.guichet.dataplane.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A pipeline step's session on its work database. Every method throws {@link EngineException} (SQLState only, never
 * the engine's message) when the engine fails.
 */
public interface WorkSession extends AutoCloseable {

    /** Runs a statement that returns no rows (DDL, ATTACH, SET, INSERT … SELECT). */
    void execute(String sql);

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    long update(String sql);

    /** {@code count(*)} of a table, or of a table followed by its WHERE clause. */
    default long count(String tableAndCondition) {
        return single("SELECT count(*) FROM " + tableAndCondition).map(Long::parseLong).orElse(0L);
    }

    /** The first column of a query's first row, as text; empty for no row or NULL. */
    Optional<String> single(String sql);

    /**
     * Streams a query's rows to {@code handler}, one at a time, never holding the result. The handler must not run
     * other statements on this session (it may write through an {@link #append} appender).
     */
    void forEachRow(String sql, RowHandler handler);

    /**
     * A batch writer into {@code table} of the attached database {@code catalog} (the session's own database is
     * {@link #MAIN}); it may be used while {@link #forEachRow} streams. An appender is used only by the thread that
     * opened it; several threads may each open theirs at once, into one shared table (CSV parts) or each into a table
     * of its own (FHIR files), while the session runs no other statement (parallel staging).
     */
    Appender append(String catalog, String table);

    /** Writes a query's rows into a Parquet file (the one place that chooses Parquet's options). */
    void writeParquet(String selectSql, Path file);

    /**
     * Makes {@code function} callable from this session's SQL as {@code name(text) → text}, computed in Java: what it
     * holds (a key) never enters the SQL, and its values never leave the engine's statement. NULL gives NULL. The
     * engine calls it from several threads at once, in any order, and may call it more than once for a value: it must
     * be thread-safe and depend on its argument alone. An exception it throws fails the statement like any engine
     * failure (an {@link EngineException} without the exception's message). Known to this session until it closes;
     * {@code name} is lower case letters, digits and underscores.
     */
    void function(String name, UnaryOperator<String> function);

    @Override
    void close();

    /** The catalog of the session's own database. */
    String MAIN = "";
}
