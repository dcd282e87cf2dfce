package eu.guichet.dataplane.engine;

import java.nio.file.Path;
import java.util.Optional;

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
     * {@link #MAIN}); it may be used while {@link #forEachRow} streams. Several threads may each open an appender and
     * write through it at the same time, each into a table of its own, while no other statement runs on the session
     * (the FHIR files are staged so); one appender is used by one thread at a time.
     */
    Appender append(String catalog, String table);

    /** Writes a query's rows into a Parquet file (the one place that chooses Parquet's options). */
    void writeParquet(String selectSql, Path file);

    @Override
    void close();

    /** The catalog of the session's own database. */
    String MAIN = "";
}
