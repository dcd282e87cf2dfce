package eu.guichet.dataplane.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.duckdb.DuckDBConnection;

/**
 * The DuckDB {@link Engine}: one embedded database file per session, opened with this engine's settings (the only place
 * the pipeline steps' DuckDB settings are chosen). Results are streamed ({@code jdbc_stream_results}).
 *
 * @param memoryLimit            DuckDB's {@code memory_limit}, e.g. {@code 1GB}; empty for DuckDB's default
 * @param threads                worker threads; empty for DuckDB's default
 * @param preserveInsertionOrder whether DuckDB keeps the insertion order where a query does not order (costs memory)
 */
public record DuckDbEngine(Optional<String> memoryLimit, Optional<Integer> threads, boolean preserveInsertionOrder)
        implements Engine {

    public DuckDbEngine {
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        Objects.requireNonNull(threads, "threads");
    }

    /** DuckDB's defaults (memory, threads, insertion order kept). */
    public static DuckDbEngine defaults() {
        return new DuckDbEngine(Optional.empty(), Optional.empty(), true);
    }

    /** Bounded memory and threads, insertion order not kept: for the staging of deliveries. */
    public static DuckDbEngine bounded(String memoryLimit, int threads) {
        return new DuckDbEngine(Optional.of(memoryLimit), Optional.of(threads), false);
    }

    @Override
    public WorkSession open(Path database, Path spillDirectory) {
        Properties settings = new Properties();
        memoryLimit.ifPresent(m -> settings.setProperty("memory_limit", m));
        threads.ifPresent(t -> settings.setProperty("threads", Integer.toString(t)));
        settings.setProperty("temp_directory", spillDirectory.toAbsolutePath().toString());
        settings.setProperty("preserve_insertion_order", Boolean.toString(preserveInsertionOrder));
        settings.setProperty("jdbc_stream_results", "true");
        try {
            return new DuckDbWorkSession((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"
                    + database.toAbsolutePath(), settings), true);
        } catch (SQLException e) {
            throw DuckDbWorkSession.failure(e);
        }
    }

    /**
     * A session over a DuckDB connection its caller opened and closes (closing the session leaves it open), with the
     * connection's own settings: for the steps handed a connection, e.g. the disclosure checks' re-run of a query.
     */
    public static WorkSession borrow(Connection connection) {
        try {
            return new DuckDbWorkSession(connection.unwrap(DuckDBConnection.class), false);
        } catch (SQLException e) {
            throw DuckDbWorkSession.failure(e);
        }
    }
}
