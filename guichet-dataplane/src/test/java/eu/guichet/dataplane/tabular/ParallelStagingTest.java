package eu.guichet.dataplane.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;

/**
 * A file cut into many small parts staged on several threads gives exactly what one thread gives: the same report, the
 * same lake rows, the same quarantine rows with the same record numbers and reasons, the observer called for every
 * record in order; a failure or an interruption during the parallel parse publishes nothing.
 */
@Tag("integration")
class ParallelStagingTest {

    static final TableSchema SCHEMA = new TableSchema("VISITS", null, List.of(
            Field.of("NIR", FieldType.STRING).withConstraints(
                    new FieldConstraints(true, false, 13, 15, null, null, null, null)),
            Field.of("DATE_NAISSANCE", FieldType.DATE),
            Field.of("VISIT_ID", FieldType.INTEGER),
            Field.of("NOTE", FieldType.STRING),
            Field.of("CODE", FieldType.STRING).withConstraints(
                    new FieldConstraints(false, false, null, null, "[A-Z]{2}\\d", null, null, null)),
            Field.of("MONTANT", FieldType.NUMBER).withConstraints(
                    new FieldConstraints(false, false, null, null, null, null, "0", "1000")),
            Field.of("REF", FieldType.STRING).withConstraints(
                    new FieldConstraints(false, true, null, null, null, null, null, null))),
            List.of("VISIT_ID"), List.of("", "NA"), List.of());

    static final Map<String, ColumnTreatment> TREATMENTS = Map.of("NIR", ColumnTreatment.NATIONAL_ID,
            "DATE_NAISSANCE", ColumnTreatment.BIRTH_DATE_TO_YEAR);

    static final int RECORDS = 700;

    @TempDir
    Path dir;

    /**
     * A BOM, CRLF line ends (some LF, one lone CR, one empty line), quoted notes holding delimiters, doubled quotes,
     * CR LF and LF, white space after a closing quote, a quote inside an unquoted cell; rejected records of every kind
     * all along the file; duplicate keys and unique values far apart (so in different parts); no final line end.
     */
    static Path write(Path file) throws Exception {
        StringBuilder out = new StringBuilder("\uFEFFNIR,DATE_NAISSANCE,VISIT_ID,NOTE,CODE,MONTANT,REF\r\n");
        for (int i = 0; i < RECORDS; i++) {
            String nir = String.format("%d%02d%02d%05d%03d%02d", 1 + i % 2, 40 + i % 60, 1 + i % 12, 75000 + i % 40,
                    100 + i % 900, i % 97);
            String birth = i % 23 == 5 ? "2020-02-30" : i % 29 == 7 ? "1980-1-05"
                    : String.format("19%02d-%02d-%02d", 40 + i % 60, 1 + i % 12, 1 + i % 28);
            long id = i == 650 ? 40 : i == 333 ? 12 : i + 1; // 40 and 12 twice
            String note = switch (i % 9) {
                case 0 -> "\"first line\nsecond line, with a comma\"";
                case 1 -> "\"say \"\"hello\"\", then\r\nleave\"";
                case 2 -> "\"padded\"  ";
                case 3 -> "in\"side";
                case 4 -> "NA";
                default -> "plain " + i;
            };
            String code = i % 11 == 3 ? "a12" : "AB" + i % 10;
            String amount = i % 7 == 3 ? "-1" : i % 31 == 4 ? "1000.0000000000001" : i % 37 == 6 ? "1e3"
                    : i % 41 == 8 ? "1000.00000000000001" : i % 43 == 9 ? "abc" : (i % 500) + "." + (i % 100);
            String ref = i == 600 ? "R3" : i == 602 ? "R3" : "R" + i;
            String line = nir + "," + birth + "," + id + "," + note + "," + code + "," + amount + "," + ref;
            if (i % 53 == 10) {
                line += ",extra"; // one cell too many
            }
            out.append(line);
            if (i == RECORDS - 1) {
                break; // no final line end
            }
            out.append(i % 5 == 0 ? "\n" : i == 200 ? "\r" : "\r\n");
            if (i == 400) {
                out.append("\r\n"); // an empty line: a record of one empty value
            }
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private record Run(DeliveryReport report, List<String> lake, List<String> quarantine, List<Long> progress) {
    }

    private Run deliver(String name, Path csv, int threads, long partBytes) throws Exception {
        DatasetLake lake = new DatasetLake(dir.resolve(name));
        DeliveryProcessor processor = new DeliveryProcessor(lake, new Pseudonymiser(TestKeys.store(1)),
                new DeliveryOptions("256MB", threads), partBytes);
        List<Long> progress = new ArrayList<>();
        DeliveryReport report = processor.deliver(new Delivery("VISITS-DS", "CHU-A",
                List.of(TableDelivery.csv(SCHEMA, csv, TREATMENTS))), new DeliveryObserver() {
                    @Override
                    public void recordRead(String table, long records) {
                        progress.add(records);
                    }
                });
        Path version = lake.versionDir("VISITS-DS", report.version());
        return new Run(report, rows(version.resolve("tables/VISITS.parquet"), "ORDER BY ALL"),
                rows(version.resolve("quarantine/VISITS.parquet"), "ORDER BY _record"), progress);
    }

    private static List<String> rows(Path parquet, String order) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM read_parquet(" + Sql.path(parquet) + ") " + order)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    @Test
    void many_parts_on_several_threads_give_exactly_the_serial_result() throws Exception {
        Path csv = write(dir.resolve("visits.csv"));
        Run serial = deliver("serial", csv, 1, CsvStager.DEFAULT_PART_BYTES);
        TableReport table = serial.report().table("VISITS").orElseThrow();
        // The file exercises what it should: every kind of reason, quarantined records all along the file.
        assertThat(table.recordsRead()).isEqualTo(RECORDS + 1); // and the empty line
        assertThat(table.issues(ReasonCode.ROW_WIDTH, "*")).isEqualTo(14 + 1);
        assertThat(table.issues(ReasonCode.TYPE, "DATE_NAISSANCE")).isPositive();
        assertThat(table.issues(ReasonCode.TYPE, "MONTANT")).isPositive();
        assertThat(table.issues(ReasonCode.MINIMUM, "MONTANT")).isEqualTo(100);
        assertThat(table.issues(ReasonCode.MAXIMUM, "MONTANT")).isPositive();
        assertThat(table.issues(ReasonCode.PATTERN, "CODE")).isPositive();
        assertThat(table.issues(ReasonCode.DUPLICATE_PRIMARY_KEY, "VISIT_ID")).isEqualTo(4);
        assertThat(table.issues(ReasonCode.DUPLICATE_UNIQUE, "REF")).isEqualTo(3);
        List<Long> quarantined = serial.quarantine().stream()
                .map(r -> Long.parseLong(r.substring("_record=".length(), r.indexOf('|')))).toList();
        assertThat(quarantined).contains(402L); // the empty line
        assertThat(quarantined.get(0)).isLessThan(20);
        assertThat(quarantined.get(quarantined.size() - 1)).isGreaterThan(680);
        assertThat(serial.lake()).anyMatch(r -> r.contains("NOTE=first line\nsecond line, with a comma|"))
                .anyMatch(r -> r.contains("NOTE=say \"hello\", then\r\nleave|"));
        assertThat(serial.progress()).hasSize(RECORDS + 1);

        for (int threads : new int[] {1, 2, 3}) { // parts read by the fast reader, on 1 to 3 threads
            for (long partBytes : new long[] {1, 97, 1000, 20_000}) {
                Run parallel = deliver("parallel-" + threads + "-" + partBytes, csv, threads, partBytes);
                assertThat(parallel.report().tables()).as("report, %d threads, parts of %d bytes", threads, partBytes)
                        .isEqualTo(serial.report().tables());
                assertThat(parallel.lake()).isEqualTo(serial.lake());
                assertThat(parallel.quarantine()).isEqualTo(serial.quarantine());
                assertThat(parallel.progress()).isEqualTo(serial.progress());
            }
        }
    }

    @Test
    void the_small_parts_really_are_many() throws Exception {
        Path csv = write(dir.resolve("visits.csv"));
        int parts = 0;
        try (CsvSplitter splitter = new CsvSplitter(csv, ',', 97)) {
            while (splitter.nextPart() != null) {
                parts++;
            }
        }
        assertThat(parts).isGreaterThan(200);
    }

    @Test
    void a_failure_or_an_interruption_during_the_parallel_parse_publishes_nothing() throws Exception {
        Path csv = write(dir.resolve("visits.csv"));
        DatasetLake lake = new DatasetLake(dir.resolve("lake"));
        DeliveryProcessor processor = new DeliveryProcessor(lake, new Pseudonymiser(TestKeys.store(1)),
                new DeliveryOptions("256MB", 2), 50);
        Delivery delivery = new Delivery("VISITS-DS", "CHU-A", List.of(TableDelivery.csv(SCHEMA, csv, TREATMENTS)));

        assertThatThrownBy(() -> processor.deliver(delivery, new DeliveryObserver() {
            @Override
            public void recordRead(String table, long records) {
                if (records == 300) {
                    throw new IllegalStateException("injected failure");
                }
            }
        })).hasMessage("injected failure");
        assertThat(lake.versions("VISITS-DS")).isEmpty();

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                processor.deliver(delivery, new DeliveryObserver() {
                    @Override
                    public void recordRead(String table, long records) {
                        if (records == 200) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        worker.start();
        worker.join();
        assertThat(failure.get()).isInstanceOf(DeliveryException.class).hasMessageContaining("interrupted");
        assertThat(lake.versions("VISITS-DS")).isEmpty();
        assertThat(lake.stagingLeftovers("VISITS-DS")).isEmpty();

        DeliveryReport retry = processor.deliver(delivery);
        assertThat(retry.outcome()).isEqualTo(DeliveryReport.Outcome.PUBLISHED);
        assertThat(retry.table("VISITS").orElseThrow().recordsRead()).isEqualTo(RECORDS + 1);
    }

    @Test
    void a_broken_quote_in_a_late_part_fails_the_delivery_as_the_serial_parse_does() throws Exception {
        Path csv = dir.resolve("broken.csv");
        String good = Files.readString(write(dir.resolve("visits.csv")), StandardCharsets.UTF_8);
        Files.writeString(csv, good + "\r\n1234567890123,1950-01-01,9999,\"open\"x,AB1,1,R9999\r\n",
                StandardCharsets.UTF_8);
        Delivery delivery = new Delivery("VISITS-DS", "CHU-A", List.of(TableDelivery.csv(SCHEMA, csv, TREATMENTS)));
        for (int threads : new int[] {1, 2}) {
            DatasetLake lake = new DatasetLake(dir.resolve("lake-" + threads));
            DeliveryProcessor processor = new DeliveryProcessor(lake, new Pseudonymiser(TestKeys.store(1)),
                    new DeliveryOptions("256MB", threads), 64);
            assertThatThrownBy(() -> processor.deliver(delivery)).isInstanceOf(DeliveryException.class)
                    .hasMessageStartingWith("Table VISITS: the CSV file cannot be read (line structure)");
            assertThat(lake.versions("VISITS-DS")).isEmpty();
        }
    }
}
