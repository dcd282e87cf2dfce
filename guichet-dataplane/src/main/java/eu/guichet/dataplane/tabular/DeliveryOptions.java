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
 * @param profileSampleSize FHIR deliveries: how many records per resource type are sampled for the full profile
 *                    validation (advisory, {@link ProfileSampleReport}); 0 turns it off
 */
public record DeliveryOptions(String memoryLimit, int threads, int profileSampleSize) {

    /** The records per resource type sampled for profile validation unless told otherwise. */
    public static final int DEFAULT_PROFILE_SAMPLE_SIZE = 100;

    public DeliveryOptions {
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        if (!memoryLimit.matches("\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException("memoryLimit must look like 1GB");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (profileSampleSize < 0) {
            throw new IllegalArgumentException("profileSampleSize must be 0 (off) or more");
        }
    }

    /** These limits, with the default profile validation sample. */
    public DeliveryOptions(String memoryLimit, int threads) {
        this(memoryLimit, threads, DEFAULT_PROFILE_SAMPLE_SIZE);
    }

    public static DeliveryOptions defaults() {
        return new DeliveryOptions("1GB", Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** These options with another profile validation sample size (0: off). */
    public DeliveryOptions withProfileSampleSize(int size) {
        return new DeliveryOptions(memoryLimit, threads, size);
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
