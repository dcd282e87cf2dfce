package eu.guichet.dataplane.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;

/** Pseudonymisation at entry, proven on the files written: no raw identifier anywhere, linkage across holders. */
@Tag("integration")
class PseudonymisedDeliveryTest {

    static final int RECORDS = 600;
    static final int PERSONS = 150;

    @TempDir
    Path dir;

    DatasetLake lake;
    Pseudonymiser pseudonymiser;
    DeliveryProcessor processor;

    @BeforeEach
    void setUp() {
        lake = new DatasetLake(dir.resolve("lake"));
        pseudonymiser = new Pseudonymiser(TestKeys.store(2));
        processor = new DeliveryProcessor(lake, pseudonymiser, new DeliveryOptions("256MB", 2));
    }

    @Test
    void no_raw_identifier_name_or_birth_date_appears_in_any_parquet_file_or_report() throws Exception {
        Path csv = PatientFiles.write(dir.resolve("consultations.csv"), RECORDS, PERSONS);
        DeliveryReport report = processor.deliver(PatientFiles.delivery("CHU-CONSULT", "CHU-A", csv));
        TableReport table = report.table("CONSULTATIONS").orElseThrow();
        assertThat(table.recordsRejected()).isPositive();
        assertThat(table.recordsAccepted()).isPositive();
        assertThat(table.recordsAccepted() + table.recordsRejected()).isEqualTo(RECORDS);
        assertThat(table.issues(ReasonCode.MINIMUM, "MONTANT")).isPositive();
        assertThat(table.issues(ReasonCode.TYPE, "DATE_NAISSANCE")).isPositive();
        assertThat(table.issues(ReasonCode.DUPLICATE_PRIMARY_KEY, "CONSULT_ID")).isEqualTo(2);

        Set<String> forbidden = new HashSet<>();
        for (int p = 0; p < PERSONS; p++) {
            forbidden.add(PatientFiles.nir(p));
            forbidden.add(PatientFiles.spaced(PatientFiles.nir(p)));
            forbidden.add("H" + (5000 + p));
            forbidden.add(PatientFiles.name(p));
            forbidden.add(PatientFiles.birthDate(p));
        }
        List<Path> parquetFiles;
        try (Stream<Path> walk = Files.walk(lake.root())) {
            parquetFiles = walk.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        assertThat(parquetFiles).hasSize(2); // lake and quarantine
        List<String> cells = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (Path file : parquetFiles) {
                try (ResultSet rs = s.executeQuery("SELECT CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet("
                        + Sql.path(file) + ")")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            if (rs.getString(i) != null) {
                                cells.add(rs.getString(i));
                            }
                        }
                    }
                }
            }
        }
        assertThat(cells).hasSizeGreaterThan(RECORDS * 4);
        for (String cell : cells) {
            for (String raw : forbidden) {
                assertThat(cell).doesNotContain(raw);
            }
        }
        String json = Files.readString(lake.versionDir("CHU-CONSULT", "v000001").resolve("delivery-report.json"),
                StandardCharsets.UTF_8);
        for (String raw : forbidden) {
            assertThat(json).doesNotContain(raw);
        }
        // The positive side: pseudonyms, years and non-identifying values are there.
        assertThat(cells).contains(pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, PatientFiles.nir(3)),
                pseudonymiser.pseudonym(IdentifierDomain.holder("CHU-A"), "H5003"), "G1");
        assertThat(cells).anyMatch(v -> v.matches("19\\d\\d"));
    }

    @Test
    void the_same_person_at_two_holders_links_through_the_national_pseudonym_only() throws Exception {
        Path csv = PatientFiles.write(dir.resolve("consultations.csv"), RECORDS, PERSONS);
        processor.deliver(PatientFiles.delivery("CHU-A-CONSULT", "CHU-A", csv));
        processor.deliver(PatientFiles.delivery("CHU-B-CONSULT", "CHU-B", csv));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String a = Sql.path(lake.versionDir("CHU-A-CONSULT", "v000001").resolve("tables/CONSULTATIONS.parquet"));
            String b = Sql.path(lake.versionDir("CHU-B-CONSULT", "v000001").resolve("tables/CONSULTATIONS.parquet"));
            try (ResultSet rs = s.executeQuery("SELECT (SELECT count(DISTINCT NIR) FROM read_parquet(" + a + ")),"
                    + " (SELECT count(*) FROM (SELECT DISTINCT NIR FROM read_parquet(" + a + ") INTERSECT"
                    + " SELECT DISTINCT NIR FROM read_parquet(" + b + "))),"
                    + " (SELECT count(*) FROM (SELECT DISTINCT PATIENT_NO FROM read_parquet(" + a + ") INTERSECT"
                    + " SELECT DISTINCT PATIENT_NO FROM read_parquet(" + b + ")))")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(PERSONS);
                assertThat(rs.getLong(2)).isEqualTo(PERSONS); // national pseudonyms link
                assertThat(rs.getLong(3)).isZero(); // holder-local numbers do not
            }
        }
    }
}
