package eu.guichet.dataplane.tabular;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

import org.duckdb.DuckDBConnection;

/**
 * Resources of the DuckDB work database of one delivery; what does not fit in memory spills into the staging area.
 *
 * @param memoryLimit DuckDB memory limit, e.g. {@code 1GB}
 * @param threads     DuckDB worker threads
 */
public record DeliveryOptions(String memoryLimit, int threads) {

    public DeliveryOptions {
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        if (!memoryLimit.matches("\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException("memoryLimit must look like 1GB");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public static DeliveryOptions defaults() {
        return new DeliveryOptions("1GB", Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Opens a delivery's DuckDB work database in its staging {@code work} directory, with these limits; what does not
     * fit in memory spills there too. The database holds raw identifiers and is deleted with the staging area.
     */
    public DuckDBConnection openWorkDatabase(Path workDir) throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("memory_limit", memoryLimit);
        settings.setProperty("threads", Integer.toString(threads));
        settings.setProperty("temp_directory", workDir.resolve("spill").toString());
        settings.setProperty("preserve_insertion_order", "false");
        settings.setProperty("jdbc_stream_results", "true");
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + workDir.resolve("work.duckdb"),
                settings);
    }
}
