package eu.guichet.dataplane.tabular;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The lake's directory layout and its publication protocol.
 *
 * <pre>
 * root/&lt;dataset&gt;/.lock                       one delivery at a time per dataset (an OS file lock)
 * root/&lt;dataset&gt;/.staging/&lt;uuid&gt;/work/        the delivery's DuckDB work file (raw identifiers): never published
 * root/&lt;dataset&gt;/.staging/&lt;uuid&gt;/publish/     the version being written
 * root/&lt;dataset&gt;/versions/v000001/            published versions: tables/&lt;T&gt;.parquet, quarantine/&lt;T&gt;.parquet,
 *                                              delivery-report.json
 * </pre>
 * A version appears by one atomic rename of its {@code publish} directory into {@code versions/}: readers see all of
 * it or nothing. Whatever an interrupted delivery left in {@code .staging} is discarded by the next delivery of the
 * dataset, which starts again from the file (the content hash makes that idempotent).
 */
public final class DatasetLake {

    static final String REPORT_FILE = "delivery-report.json";
    private static final Pattern VERSION = Pattern.compile("v\\d{6}");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public DatasetLake(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    Path datasetDir(String datasetId) {
        Delivery.checkDatasetId(datasetId);
        return root.resolve(datasetId);
    }

    /** Published versions of a dataset, oldest first. */
    public List<String> versions(String datasetId) {
        Path dir = datasetDir(datasetId).resolve("versions");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> VERSION.matcher(n).matches()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new DeliveryException("Cannot list the versions of " + datasetId, e);
        }
    }

    /** The directory of a published version. */
    public Path versionDir(String datasetId, String version) {
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("Not a version name");
        }
        return datasetDir(datasetId).resolve("versions").resolve(version);
    }

    /** The report stored with a published version. */
    public DeliveryReport report(String datasetId, String version) {
        try {
            return JSON.readValue(versionDir(datasetId, version).resolve(REPORT_FILE).toFile(), DeliveryReport.class);
        } catch (IOException e) {
            throw new DeliveryException("Cannot read the report of " + datasetId + " " + version, e);
        }
    }

    Optional<DeliveryReport> findPublished(String datasetId, String deliverySha256) {
        for (String version : versions(datasetId)) {
            DeliveryReport report = report(datasetId, version);
            if (report.deliverySha256().equals(deliverySha256)) {
                return Optional.of(report);
            }
        }
        return Optional.empty();
    }

    String nextVersion(String datasetId) {
        List<String> versions = versions(datasetId);
        int last = versions.isEmpty() ? 0 : Integer.parseInt(versions.get(versions.size() - 1).substring(1));
        return String.format("v%06d", last + 1);
    }

    /** Writes one version's files: the tables and quarantine under {@code publishDir}, using {@code workDir} freely. */
    @FunctionalInterface
    public interface VersionWriter {
        List<TableReport> write(Path workDir, Path publishDir);
    }

    /**
     * The publication protocol shared by every delivery format: under the dataset's lock, discards leftovers of
     * interrupted deliveries, answers {@link DeliveryReport.Outcome#DUPLICATE} when the same content is already
     * published, otherwise lets {@code writer} fill a fresh staging area, stores the report and publishes the version
     * by one atomic rename. The staging area (work database with raw identifiers included) is deleted in every case.
     */
    public DeliveryReport deliverVersion(String datasetId, String deliverySha256, int keyVersion,
            DeliveryObserver observer, VersionWriter writer) {
        try (DatasetLock lock = lock(datasetId)) {
            discardStaging(datasetId);
            Optional<DeliveryReport> earlier = findPublished(datasetId, deliverySha256);
            if (earlier.isPresent()) {
                return earlier.get().asDuplicate();
            }
            String version = nextVersion(datasetId);
            Path staging = newStaging(datasetId);
            Path publish = staging.resolve("publish");
            boolean published = false;
            try {
                List<TableReport> tables = writer.write(staging.resolve("work"), publish);
                DeliveryReport report = new DeliveryReport(datasetId, DeliveryReport.Outcome.PUBLISHED, version,
                        deliverySha256, keyVersion, tables);
                JSON.writeValue(publish.resolve(REPORT_FILE).toFile(), report);
                observer.beforePublish(datasetId, version);
                publish(datasetId, publish, version);
                published = true;
                return report;
            } catch (IOException e) {
                throw new DeliveryException("Cannot write the report of " + datasetId, e);
            } finally {
                // On success this removes the work database (raw identifiers); on failure, the unpublished version.
                // A killed process skips this: the next delivery's discardStaging does it.
                try {
                    deleteTree(staging);
                } catch (DeliveryException cleanup) {
                    if (published) {
                        throw cleanup;
                    }
                }
            }
        }
    }

    /** Takes the dataset's delivery lock, or fails at once when another delivery of it is running. */
    DatasetLock lock(String datasetId) {
        Path dir = datasetDir(datasetId);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DeliveryException("Another delivery of " + datasetId + " is running");
            }
            return new DatasetLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new DeliveryException("Another delivery of " + datasetId + " is running");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DeliveryException("Cannot lock " + datasetId, e);
        } catch (DeliveryException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel
            }
        }
    }

    /** The delivery lock of one dataset; closing releases it. */
    static final class DatasetLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private DatasetLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new DeliveryException("Cannot release a dataset lock", e);
            }
        }
    }

    /** Removes what interrupted deliveries left behind; call with the dataset's lock held. */
    void discardStaging(String datasetId) {
        deleteTree(datasetDir(datasetId).resolve(".staging"));
    }

    /** Staging directories still present (after an interrupted delivery, until the next one). */
    public List<Path> stagingLeftovers(String datasetId) {
        Path staging = datasetDir(datasetId).resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(staging)) {
            return entries.toList();
        } catch (IOException e) {
            throw new DeliveryException("Cannot list the staging area of " + datasetId, e);
        }
    }

    Path newStaging(String datasetId) {
        Path staging = datasetDir(datasetId).resolve(".staging").resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(staging.resolve("work"));
            Files.createDirectories(staging.resolve("publish").resolve("tables"));
            Files.createDirectories(staging.resolve("publish").resolve("quarantine"));
            return staging;
        } catch (IOException e) {
            throw new DeliveryException("Cannot create a staging directory for " + datasetId, e);
        }
    }

    /**
     * Makes a written version visible: flushes its files to disk, then renames its directory into {@code versions/}
     * in one atomic move.
     */
    void publish(String datasetId, Path publishDir, String version) {
        Path target = versionDir(datasetId, version);
        try {
            Files.createDirectories(target.getParent());
            syncTree(publishDir);
            Files.move(publishDir, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.getParent());
        } catch (IOException e) {
            throw new DeliveryException("Cannot publish " + datasetId + " " + version, e);
        }
    }

    private static void syncTree(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(files::add);
        }
        for (Path p : files) {
            if (Files.isRegularFile(p)) {
                try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
                    c.force(true);
                }
            } else {
                syncDirectory(p);
            }
        }
    }

    /** Flushes a directory entry list where the platform allows it (Linux does; elsewhere it is skipped). */
    private static void syncDirectory(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform: the rename is still atomic, only its durability is less certain
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DeliveryException("Cannot delete a staging directory", e);
        }
    }
}
