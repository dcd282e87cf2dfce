package eu.guichet.dataplane.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A workspace's files: its own copy of the permit's extract ({@code extract.duckdb}), its scratch database
 * ({@code scratch.duckdb}) and one spill directory per open session ({@code sessions/<random>}).
 *
 * <p>Why a copy: DuckDB lets a locked session write to the files it has attached (for instance
 * {@code COPY … TO '<attached file>' (FORMAT csv, USE_TMP_FILE false)} or the file's {@code .wal}), even read-only
 * ones. Sessions therefore never attach the extract the data plane built (and whose SHA-256 is its evidence): they
 * attach the workspace's copy, which is checked before every session (same size and modification time as the source,
 * no write-ahead log beside it) and copied again when a session damaged it. A researcher can only damage their own
 * workspace's copy and scratch database.
 */
public final class WorkspaceDirectory {

    public static final String EXTRACT_FILE = "extract.duckdb";
    public static final String SCRATCH_FILE = "scratch.duckdb";

    private final Path root;

    public WorkspaceDirectory(Path root) {
        this.root = root.toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    public Path extractCopy() {
        return root.resolve(EXTRACT_FILE);
    }

    public Path scratch() {
        return root.resolve(SCRATCH_FILE);
    }

    /** Bytes the scratch database takes on disk. */
    public long scratchBytes() {
        return DuckDbSandbox.scratchBytes(scratch());
    }

    /**
     * Opens a locked session on this workspace: the copy of {@code sourceExtract} (refreshed if needed) read-only, the
     * scratch database read-write, and a fresh spill directory that is deleted when the session closes.
     */
    public DuckDbSandbox open(Path sourceExtract, SandboxLimits limits) {
        refreshCopy(sourceExtract);
        Path spill = root.resolve("sessions").resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(spill);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a session directory", e);
        }
        try {
            return DuckDbSandbox.open(extractCopy(), Optional.of(scratch()), spill, limits, () -> delete(spill));
        } catch (RuntimeException e) {
            delete(spill);
            throw e;
        }
    }

    /** Makes the workspace's copy of the extract identical to {@code source} if it is absent or was changed. */
    public synchronized void refreshCopy(Path source) {
        Path copy = extractCopy();
        try {
            Files.deleteIfExists(copy.resolveSibling(EXTRACT_FILE + ".wal"));
            if (Files.isRegularFile(copy) && Files.size(copy) == Files.size(source)
                    && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(source))) {
                return;
            }
            Files.createDirectories(root);
            Path partial = root.resolve(EXTRACT_FILE + ".partial");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            FileTime modified = Files.getLastModifiedTime(source);
            Files.setLastModifiedTime(partial, modified);
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the extract into the workspace", e);
        }
    }

    /** Deletes every file of the workspace (its extract copy, scratch tables and sessions). */
    public void deleteAll() {
        delete(root);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir.getFileName(), e);
        }
    }
}
