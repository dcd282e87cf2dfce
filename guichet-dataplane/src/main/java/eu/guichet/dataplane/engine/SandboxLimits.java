package eu.guichet.dataplane.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Resources one sandboxed session may use.
 *
 * @param memoryLimit       DuckDB memory limit, e.g. {@code 2GB}
 * @param threads           worker threads
 * @param queryTimeout      longest time one statement may run before it is cancelled
 * @param maxRows           most rows a query returns to its caller (larger results stay in the sandbox)
 * @param spillLimit        most disk space the session may use to spill what does not fit in memory, e.g. {@code 10GB}
 * @param scratchLimitBytes most bytes the workspace's scratch database may take on disk; beyond, only statements that
 *                          free space or read run
 */
public record SandboxLimits(String memoryLimit, int threads, Duration queryTimeout, int maxRows, String spillLimit,
        long scratchLimitBytes) {

    private static final String SIZE = "\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)";

    public SandboxLimits {
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        Objects.requireNonNull(spillLimit, "spillLimit");
        if (!memoryLimit.matches(SIZE) || !spillLimit.matches(SIZE)) {
            throw new IllegalArgumentException("memoryLimit and spillLimit must look like 512MB or 2GB");
        }
        if (threads < 1 || maxRows < 0 || queryTimeout.isNegative() || queryTimeout.isZero()
                || scratchLimitBytes < 0) {
            throw new IllegalArgumentException(
                    "threads >= 1, maxRows >= 0, scratchLimitBytes >= 0 and a positive timeout are required");
        }
    }

    public SandboxLimits(String memoryLimit, int threads, Duration queryTimeout, int maxRows, String spillLimit) {
        this(memoryLimit, threads, queryTimeout, maxRows, spillLimit, 10L * 1024 * 1024 * 1024);
    }

    public static SandboxLimits defaults() {
        return new SandboxLimits("1GB", 2, Duration.ofMinutes(5), 100, "10GB");
    }

    public SandboxLimits withMaxRows(int rows) {
        return new SandboxLimits(memoryLimit, threads, queryTimeout, rows, spillLimit, scratchLimitBytes);
    }
}
