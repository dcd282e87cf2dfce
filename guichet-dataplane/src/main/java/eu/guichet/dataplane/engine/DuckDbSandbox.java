package eu.guichet.dataplane.engine;

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
import java.util.Properties;

/**
 * A DuckDB session for untrusted SQL (ARCHITECTURE.md, security property 3): an in-memory database with one DuckDB
 * file attached read-only as {@code extract}, then extensions, external access and configuration locked, with memory,
 * thread and time limits. Afterwards the session cannot read or write host files, reach the network, load
 * extensions, attach other files or change its settings.
 */
public final class DuckDbSandbox implements AutoCloseable {

    public static final String EXTRACT_ALIAS = "extract";

    private final Connection connection;
    private final SandboxLimits limits;

    private DuckDbSandbox(Connection connection, SandboxLimits limits) {
        this.connection = connection;
        this.limits = limits;
    }

    /**
     * Opens a locked session with {@code extractFile} attached read-only as {@value #EXTRACT_ALIAS}, spilling (within
     * {@link SandboxLimits#spillLimit()}) into {@code spillDirectory}, which belongs to this session alone.
     */
    public static DuckDbSandbox open(Path extractFile, Path spillDirectory, SandboxLimits limits) {
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
                // The path comes from the control plane, never from a user; quotes are doubled all the same.
                s.execute("ATTACH '" + extractFile.toAbsolutePath().toString().replace("'", "''") + "' AS "
                        + EXTRACT_ALIAS + " (READ_ONLY)");
                s.execute("USE " + EXTRACT_ALIAS);
                s.execute("SET autoinstall_known_extensions = false");
                s.execute("SET autoload_known_extensions = false");
                s.execute("SET enable_external_access = false");
                s.execute("SET lock_configuration = true");
            }
            return new DuckDbSandbox(connection, limits);
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new IllegalStateException("Could not open a DuckDB sandbox on " + extractFile.getFileName(), e);
        }
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
     * Runs one statement of untrusted SQL on a new JDBC statement (a failed statement is closed by DuckDB) with the
     * session's timeout, and returns at most {@link SandboxLimits#maxRows()} rows.
     */
    public QueryResult query(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, limits.queryTimeout().toSeconds()));
            statement.setMaxRows(limits.maxRows() + 1);
            if (!statement.execute(sql)) {
                return new QueryResult(List.of(), List.of(), false);
            }
            try (ResultSet rs = statement.getResultSet()) {
                return read(rs);
            }
        } catch (SQLException e) {
            throw new SandboxException(e.getMessage(), e);
        }
    }

    private QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == limits.maxRows()) {
                truncated = true;
                break;
            }
            List<String> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                Object value = rs.getObject(i);
                row.add(value == null ? null : value.toString());
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows, truncated);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the DuckDB sandbox", e);
        }
    }
}
