package eu.guichet.dataplane.tabular;

import java.nio.file.Path;
import java.util.Objects;

import eu.guichet.dataplane.engine.DuckDbEngine;
import eu.guichet.dataplane.engine.Engine;
import eu.guichet.dataplane.engine.WorkSession;

/**
 * Resources of the work database of one delivery; what does not fit in memory spills into the staging area.
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
    public WorkSession openWorkDatabase(Path workDir) {
        return engine().open(workDir.resolve("work.duckdb"), workDir.resolve("spill"));
    }

    /** The engine with these limits (insertion order not kept: the steps order what they write). */
    public Engine engine() {
        return DuckDbEngine.bounded(memoryLimit, threads);
    }
}
