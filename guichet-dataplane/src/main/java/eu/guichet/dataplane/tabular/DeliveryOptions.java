package eu.guichet.dataplane.tabular;

import java.util.Objects;

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
}
