package eu.guichet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import eu.guichet.dataplane.pseudonym.PseudonymKeyStore;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.tabular.DeliveryObserver;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.ingest.internal.ChunkWriter;
import eu.guichet.ingest.internal.DataPlaneRun;

/**
 * Main class run in a forked JVM by {@link DeliveryCrashTest}: runs the same code as the server (the chunk writer,
 * then the data-plane run of a delivery) and, at the chosen point, prints {@code AT <point>} and blocks until the
 * test kills it with SIGKILL. Arguments: point, key file, lake directory, delivery directory, upload source, upload
 * target.
 */
public final class CrashingDelivery {

    enum Point {
        /** Half of a file's chunk written to the upload file. */
        MID_UPLOAD,
        /** Records of the first table read and staged. */
        MID_PARSE,
        /** The first table's Parquet written to the staging area, the second table being read. */
        MID_WRITE,
        /** Every file written, just before the atomic rename that publishes the version. */
        MID_PUBLISH,
        /** The version published, before the server could record the delivery ACCEPTED. */
        AFTER_PUBLISH
    }

    static final String DATASET = "crash-dataset";
    static final String HOLDER = "crash-holder";
    static final Map<String, String> IDENTIFIERS = Map.of("BEN_NIR_PSA", "NATIONAL_ID", "BEN_NIR_ANO",
            "NATIONAL_ID", "BEN_IDT_ANO", "NATIONAL_ID", "ASS_NIR_ANO", "NATIONAL_ID");

    private CrashingDelivery() {
    }

    public static void main(String[] args) throws Exception {
        Point point = Point.valueOf(args[0]);
        Path keyFile = Path.of(args[1]);
        Path lake = Path.of(args[2]);
        Path delivery = Path.of(args[3]);
        if (point == Point.MID_UPLOAD) {
            Path source = Path.of(args[4]);
            Path target = Path.of(args[5]);
            long size = Files.size(source);
            try (InputStream in = new StoppingStream(Files.newInputStream(source), size / 2)) {
                ChunkWriter.append(target, 0, size, in);
            }
            return;
        }
        DataPlaneRun run = new DataPlaneRun(lake, new Pseudonymiser(PseudonymKeyStore.fromFile(keyFile)),
                new DeliveryOptions("256MB", 1));
        run.run(DATASET, HOLDER, DeliveryFormat.CSV_TABLE_SCHEMA, delivery, IDENTIFIERS, ',', new DeliveryObserver() {
            private String firstTable;

            @Override
            public void recordRead(String table, long records) {
                if (firstTable == null) {
                    firstTable = table;
                }
                if (point == Point.MID_PARSE && records == 3) {
                    stop(point);
                }
                if (point == Point.MID_WRITE && !table.equals(firstTable)) {
                    stop(point);
                }
            }

            @Override
            public void beforePublish(String datasetId, String version) {
                if (point == Point.MID_PUBLISH) {
                    stop(point);
                }
            }
        });
        if (point == Point.AFTER_PUBLISH) {
            stop(point);
        }
    }

    /** Tells the test where it stands, then waits to be killed. */
    static void stop(Point point) {
        System.out.println("AT " + point);
        System.out.flush();
        try {
            System.in.read(); // the test never writes: it kills
        } catch (IOException e) {
            // killed
        }
        Runtime.getRuntime().halt(3); // stdin closed without a kill: never finish the delivery
    }

    /** Passes {@code stopAfter} bytes through, then stops the process mid-chunk. */
    private static final class StoppingStream extends InputStream {
        private final InputStream in;
        private long left;

        StoppingStream(InputStream in, long stopAfter) {
            this.in = in;
            this.left = stopAfter;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                stop(Point.MID_UPLOAD);
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }
}
