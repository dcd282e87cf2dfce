package eu.guichet.dataplane.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import eu.guichet.dataplane.engine.EngineException;
import eu.guichet.dataplane.engine.WorkSession;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;

/**
 * Takes a holder's delivery into the lake: validates every record against its Table Schema, quarantines the invalid
 * ones with their reasons, pseudonymises direct identifiers at entry, and publishes the whole delivery as one new
 * dataset version — atomically, or not at all.
 *
 * <p>The same content delivered again is a no-op reported as {@link DeliveryReport.Outcome#DUPLICATE}. A delivery
 * interrupted at any point (exception, interrupted thread, killed process) leaves only its staging area, which the
 * next delivery of the dataset discards before starting again from the files.
 */
public final class DeliveryProcessor {

    private final DatasetLake lake;
    private final Pseudonymiser pseudonymiser;
    private final DeliveryOptions options;
    private final long partBytes;

    public DeliveryProcessor(DatasetLake lake, Pseudonymiser pseudonymiser, DeliveryOptions options) {
        this(lake, pseudonymiser, options, CsvStager.DEFAULT_PART_BYTES);
    }

    /** With CSV files parsed in parts of about {@code partBytes} (tests force small parts to cut small files). */
    DeliveryProcessor(DatasetLake lake, Pseudonymiser pseudonymiser, DeliveryOptions options, long partBytes) {
        this.lake = lake;
        this.pseudonymiser = pseudonymiser;
        this.options = options;
        this.partBytes = partBytes;
    }

    public DeliveryReport deliver(Delivery delivery) {
        return deliver(delivery, DeliveryObserver.NONE);
    }

    public DeliveryReport deliver(Delivery delivery, DeliveryObserver observer) {
        Map<String, String> fileHashes = new TreeMap<>();
        for (TableDelivery t : delivery.tables()) {
            fileHashes.put(t.schema().name(), sha256(t.csvFile()));
        }
        String deliveryHash = deliveryHash(fileHashes, processing(delivery));
        return lake.deliverVersion(delivery.datasetId(), deliveryHash, pseudonymiser.keyVersion(), observer,
                (work, publish) -> ingest(delivery, fileHashes, work, publish, observer));
    }

    private List<TableReport> ingest(Delivery delivery, Map<String, String> fileHashes, Path work, Path publish,
            DeliveryObserver observer) {
        try (WorkSession connection = options.openWorkDatabase(work)) {
            List<TableReport> reports = new ArrayList<>();
            int index = 0;
            for (TableDelivery table : delivery.tables()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new DeliveryException("Delivery of " + delivery.datasetId() + " interrupted");
                }
                reports.add(new TableIngest(connection, table, pseudonymiser, delivery.holderId(), observer, index++,
                        options.threads(), partBytes)
                        .run(fileHashes.get(table.schema().name()), publish));
            }
            return reports;
        } catch (EngineException e) {
            throw new DeliveryException("The work database of " + delivery.datasetId() + " failed", e);
        }
    }

    /**
     * How a delivery is processed, beside its files: the holder, the key version, and each table's schema and column
     * treatments. The same file sent again with a column newly marked as an identifier, or after a key rotation, is a
     * new version, not a duplicate.
     */
    private String processing(Delivery delivery) {
        StringBuilder how = new StringBuilder("tabular\tholder=").append(delivery.holderId())
                .append("\tkey=").append(pseudonymiser.keyVersion());
        delivery.tables().stream().sorted(java.util.Comparator.comparing(t -> t.schema().name()))
                .forEach(t -> how.append('\n').append(t.schema()).append('\t').append(new TreeMap<>(t.treatments()))
                        .append("\tdelimiter=").append(t.delimiter()));
        return how.toString();
    }

    /**
     * SHA-256 over how the delivery is processed and the tables' names and file hashes, sorted by name: the identity
     * of a delivery.
     */
    public static String deliveryHash(Map<String, String> fileHashesByTable, String processing) {
        StringBuilder canonical = new StringBuilder(processing).append('\n');
        fileHashesByTable.forEach((table, hash) -> canonical.append(table).append('\t').append(hash).append('\n'));
        MessageDigest digest = sha256();
        return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 (hex) of a delivered file. */
    public static String sha256(Path file) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new DeliveryException("Cannot read the delivered file " + file.getFileName(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
