package eu.guichet.dataplane.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A DuckDB session for untrusted SQL (ARCHITECTURE.md, security property 3): an in-memory database with one DuckDB
 * file attached read-only as {@code extract} and, for a workspace, its own scratch database file attached read-write
 * as {@code scratch} (the default catalog, so {@code CREATE TABLE t AS …} lands there; unqualified names are looked up
 * in scratch, then in the extract). Both are attached BEFORE extensions, external access and configuration are
 * locked, with memory, thread and time limits. Afterwards the session cannot read or write host files, reach the
 * network, load extensions, attach other files or change its settings.
 */
public final class DuckDbSandbox implements AutoCloseable {

    public static final String EXTRACT_ALIAS = "extract";
    public static final String SCRATCH_ALIAS = "scratch";

    private final Connection connection;
    private final SandboxLimits limits;
    private final Optional<Path> scratchFile;
    private final Runnable onClose;
    private volatile Statement running;
    private volatile boolean cancelled;

    private DuckDbSandbox(Connection connection, SandboxLimits limits, Optional<Path> scratchFile, Runnable onClose) {
        this.connection = connection;
        this.limits = limits;
        this.scratchFile = scratchFile;
        this.onClose = onClose;
    }

    /**
     * Opens a locked session with {@code extractFile} attached read-only as {@value #EXTRACT_ALIAS}, spilling (within
     * {@link SandboxLimits#spillLimit()}) into {@code spillDirectory}, which belongs to this session alone. Scratch
     * tables live in memory and end with the session. Package-private: it attaches the file itself, which a session may
     * overwrite — workspaces open sessions through {@link WorkspaceDirectory}, on a copy.
     */
    static DuckDbSandbox open(Path extractFile, Path spillDirectory, SandboxLimits limits) {
        return open(extractFile, Optional.empty(), spillDirectory, limits, () -> { });
    }

    /**
     * Opens a locked session with {@code extractFile} attached read-only as {@value #EXTRACT_ALIAS} and, when given,
     * {@code scratchFile} (created if absent) attached read-write as {@value #SCRATCH_ALIAS}, the default catalog:
     * tables created there are kept between sessions. {@code onClose} runs after the session closed.
     *
     * <p>DuckDB lets the session overwrite the files it attached: attach copies, as {@link WorkspaceDirectory} does
     * (package-private for that reason).
     */
    static DuckDbSandbox open(Path extractFile, Optional<Path> scratchFile, Path spillDirectory,
            SandboxLimits limits, Runnable onClose) {
        if (!Files.isRegularFile(extractFile)) {
            throw new IllegalArgumentException("No extract file at " + extractFile);
        }
        Properties settings = new Properties();
        settings.setProperty("memory_limit", limits.memoryLimit());
        settings.setProperty("threads", Integer.toString(limits.threads()));
        settings.setProperty("temp_directory", spillDirectory.toAbsolutePath().toString());
        settings.setProperty("max_temp_directory_size", limits.spillLimit());
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:", settings);
            try (Statement s = connection.createStatement()) {
                // The paths come from the control plane, never from a user; quotes are doubled all the same.
                s.execute("ATTACH " + literal(extractFile) + " AS " + EXTRACT_ALIAS + " (READ_ONLY)");
                if (scratchFile.isPresent()) {
                    Files.createDirectories(scratchFile.get().toAbsolutePath().getParent());
                    s.execute("ATTACH " + literal(scratchFile.get()) + " AS " + SCRATCH_ALIAS);
                    s.execute("USE " + SCRATCH_ALIAS);
                    s.execute("SET search_path = '" + SCRATCH_ALIAS + ".main," + EXTRACT_ALIAS + ".main'");
                } else {
                    s.execute("USE " + EXTRACT_ALIAS);
                }
                s.execute("SET autoinstall_known_extensions = false");
                s.execute("SET autoload_known_extensions = false");
                s.execute("SET enable_external_access = false");
                s.execute("SET lock_configuration = true");
            }
            return new DuckDbSandbox(connection, limits, scratchFile, onClose);
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new IllegalStateException("Could not open a DuckDB sandbox on " + extractFile.getFileName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the scratch directory", e);
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static void closeQuietly(Connection connection, SQLException cause) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * Runs untrusted SQL (one statement, or several separated by semicolons: the last one's result is returned) on a
     * new JDBC statement with the session's timeout, and returns at most {@link SandboxLimits#maxRows()} rows with
     * the total count of the result's rows.
     */
    public QueryResult query(String sql) {
        return run(sql, new Preview(limits.maxRows()));
    }

    /**
     * Runs untrusted SQL and hands every row of its result to {@code sink} (for output control: nothing is capped).
     * Returns the number of rows.
     */
    public long stream(String sql, RowSink sink) {
        return run(sql, new Streamed(sink));
    }

    /** Receives the rows of a streamed result. */
    public interface RowSink {
        void columns(List<String> names);

        void row(List<String> values);
    }

    private <T> T run(String sql, Reader<T> reader) {
        checkScratchQuota(sql);
        cancelled = false;
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, limits.queryTimeout().toSeconds()));
            running = statement;
            if (cancelled) {
                throw new SandboxException("The query was cancelled.", null);
            }
            if (!statement.execute(sql)) {
                return reader.none();
            }
            try (ResultSet rs = statement.getResultSet()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new SandboxException(e.getMessage(), e);
        } finally {
            running = null;
        }
    }

    /**
     * Stops the statement running in this session, if any (from another thread): it fails with an INTERRUPT error.
     */
    public void cancel() {
        cancelled = true;
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // Not executing (just finished, or about to start: the flag stops it): nothing to interrupt.
            }
        }
    }

    /** Bytes the scratch database takes on disk (its file and write-ahead log); 0 without one. */
    public long scratchBytes() {
        return scratchFile.map(DuckDbSandbox::scratchBytes).orElse(0L);
    }

    /** Bytes a scratch database file takes on disk, with its write-ahead log. */
    public static long scratchBytes(Path scratchFile) {
        long bytes = 0;
        for (Path p : List.of(scratchFile, scratchFile.resolveSibling(scratchFile.getFileName() + ".wal"))) {
            try {
                bytes += Files.isRegularFile(p) ? Files.size(p) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    /** Over the quota, only statements that free space (DROP, DELETE, TRUNCATE, CHECKPOINT) and reads run. */
    private void checkScratchQuota(String sql) {
        if (scratchFile.isEmpty() || scratchBytes() <= limits.scratchLimitBytes()) {
            return;
        }
        String start = sql.strip().toLowerCase(Locale.ROOT);
        if (!(start.startsWith("drop") || start.startsWith("delete") || start.startsWith("truncate")
                || start.startsWith("checkpoint") || start.startsWith("select") || start.startsWith("show")
                || start.startsWith("describe") || start.startsWith("with"))) {
            throw new SandboxException("The workspace's scratch storage is full (" + scratchBytes() + " of "
                    + limits.scratchLimitBytes() + " bytes): drop scratch tables first.", null);
        }
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;

        T none();
    }

    private static List<String> columns(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        return columns;
    }

    private static List<String> row(ResultSet rs, int width) throws SQLException {
        List<String> row = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            Object value = rs.getObject(i);
            row.add(value == null ? null : value.toString());
        }
        return row;
    }

    /** The first rows, and the count of all. */
    private record Preview(int maxRows) implements Reader<QueryResult> {

        @Override
        public QueryResult read(ResultSet rs) throws SQLException {
            List<String> columns = columns(rs);
            List<List<String>> rows = new ArrayList<>();
            long total = 0;
            while (rs.next()) {
                if (rows.size() < maxRows) {
                    rows.add(row(rs, columns.size()));
                }
                total++;
            }
            return new QueryResult(columns, rows, total > rows.size(), total);
        }

        @Override
        public QueryResult none() {
            return new QueryResult(List.of(), List.of(), false, 0);
        }
    }

    private record Streamed(RowSink sink) implements Reader<Long> {

        @Override
        public Long read(ResultSet rs) throws SQLException {
            List<String> columns = columns(rs);
            sink.columns(columns);
            long total = 0;
            while (rs.next()) {
                sink.row(row(rs, columns.size()));
                total++;
            }
            return total;
        }

        @Override
        public Long none() {
            sink.columns(List.of());
            return 0L;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the DuckDB sandbox", e);
        } finally {
            onClose.run();
        }
    }
}
