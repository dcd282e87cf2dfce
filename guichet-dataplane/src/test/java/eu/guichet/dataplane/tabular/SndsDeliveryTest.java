package eu.guichet.dataplane.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;

/** The SNDS synthetic samples, messy like real deliveries (KNOWN-ISSUES items 5 and 7), through a whole delivery. */
@Tag("integration")
class SndsDeliveryTest {

    @TempDir
    Path dir;

    DatasetLake lake;
    DeliveryProcessor processor;

    @BeforeEach
    void setUp() {
        lake = new DatasetLake(dir.resolve("lake"));
        processor = new DeliveryProcessor(lake, new Pseudonymiser(TestKeys.store(1)), new DeliveryOptions("512MB", 2));
    }

    @Test
    void the_report_names_every_known_defect_of_the_samples() {
        DeliveryReport report = processor.deliver(SndsSamples.all(dir));

        assertThat(report.outcome()).isEqualTo(DeliveryReport.Outcome.PUBLISHED);
        assertThat(report.version()).isEqualTo("v000001");
        assertThat(report.keyVersion()).isEqualTo(1);
        assertThat(report.tables()).hasSize(12);
        for (TableReport t : report.tables()) {
            assertThat(t.recordsRead()).as(t.table()).isEqualTo(10);
            assertThat(t.recordsAccepted() + t.recordsRejected()).as(t.table()).isEqualTo(t.recordsRead());
            assertThat(t.sha256()).hasSize(64);
        }

        TableReport prs = report.table("ER_PRS_F").orElseThrow();
        assertThat(prs.missingColumns()).containsExactly("PRS_PPU_SEC");
        assertThat(prs.extraColumns()).isEmpty();
        assertThat(prs.issues(ReasonCode.MIN_LENGTH)).isEqualTo(37); // "dozens of times"
        assertThat(prs.issues(ReasonCode.MIN_LENGTH, "PFS_EXE_NUM")).isEqualTo(10);
        assertThat(prs.issues(ReasonCode.MIN_LENGTH, "ETB_PRE_FIN")).isEqualTo(9);

        TableReport iba = report.table("IR_IBA_R").orElseThrow();
        assertThat(iba.issues(ReasonCode.DUPLICATE_PRIMARY_KEY, "BEN_IDT_ANO")).isEqualTo(5);
        assertThat(iba.recordsAccepted()).isEqualTo(5);

        TableReport mcoC = report.table("T_MCOaaC").orElseThrow();
        assertThat(mcoC.issues(ReasonCode.TYPE, "ETA_NUM")).isEqualTo(10); // integer field holding "E", "ylhHSI", …
        assertThat(mcoC.issues(ReasonCode.DUPLICATE_PRIMARY_KEY, "ETA_NUM+RSA_NUM")).isEqualTo(5);

        TableReport mcoB = report.table("T_MCOaaB").orElseThrow();
        assertThat(mcoB.issues(ReasonCode.TYPE, "GRG_RET")).isEqualTo(6); // boolean holding "w", "Vt", …
        assertThat(mcoB.issues(ReasonCode.TYPE, "ETA_NUM")).isEqualTo(10);
        assertThat(mcoB.issues(ReasonCode.MAXIMUM, "ANT_SUP_NBR")).isEqualTo(10);

        TableReport pha = report.table("ER_PHA_F").orElseThrow();
        assertThat(pha.issues(ReasonCode.MAXIMUM, "PRS_ORD_NUM")).isEqualTo(10);

        assertThat(report.table("IR_BEN_R").orElseThrow().recordsRejected()).isZero();
        assertThat(report.table("KI_CCI_R").orElseThrow().issues()).isEmpty();

        // The stored report is the one returned.
        assertThat(lake.report("FR-SNDS-SAMPLE", "v000001")).isEqualTo(report);
    }

    @Test
    void lake_and_quarantine_files_hold_the_counted_records_with_reasons_and_pseudonyms() throws Exception {
        processor.deliver(SndsSamples.all(dir));
        Path version = lake.versionDir("FR-SNDS-SAMPLE", "v000001");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            assertThat(count(s, version.resolve("tables/IR_IBA_R.parquet"))).isEqualTo(5);
            assertThat(count(s, version.resolve("quarantine/IR_IBA_R.parquet"))).isEqualTo(5);
            assertThat(count(s, version.resolve("tables/ER_PRS_F.parquet"))).isZero();
            try (ResultSet rs = s.executeQuery("SELECT _record, array_to_string(_reasons, ','), ETA_NUM FROM read_parquet("
                    + Sql.path(version.resolve("quarantine/T_MCOaaC.parquet")) + ") WHERE _record = 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("type:ETA_NUM,duplicate_primary_key:ETA_NUM+RSA_NUM");
                assertThat(rs.getString(3)).isEqualTo("E"); // non-identifying values stay as delivered, for the holder
            }
            try (ResultSet rs = s.executeQuery("SELECT NIR_ANO_17 FROM read_parquet("
                    + Sql.path(version.resolve("quarantine/T_MCOaaC.parquet")) + ")")) {
                while (rs.next()) {
                    assertThat(rs.getString(1)).matches("v01-[a-z2-7]{52}");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT typeof(BEN_NAI_ANN), typeof(BEN_DCD_DTE), typeof(BEN_RNG_GEM),"
                    + " BEN_DCD_AME FROM read_parquet(" + Sql.path(version.resolve("tables/IR_BEN_R.parquet"))
                    + ") LIMIT 1")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("INTEGER");
                assertThat(rs.getString(2)).isEqualTo("DATE");
                assertThat(rs.getString(3)).isEqualTo("BIGINT");
                assertThat(rs.getString(4)).matches("\\d{4}-\\d{2}"); // SNDS YYYYMM stored as YYYY-MM
            }
        }
        assertThat(Files.exists(version.resolve("delivery-report.json"))).isTrue();
        assertThat(lake.stagingLeftovers("FR-SNDS-SAMPLE")).isEmpty();
    }

    @Test
    void the_same_files_delivered_twice_are_a_no_op() {
        DeliveryReport first = processor.deliver(SndsSamples.all(dir));
        DeliveryReport again = processor.deliver(SndsSamples.all(dir.resolve("..").resolve(dir.getFileName())));

        assertThat(again.outcome()).isEqualTo(DeliveryReport.Outcome.DUPLICATE);
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.deliverySha256()).isEqualTo(first.deliverySha256());
        assertThat(again.tables()).isEqualTo(first.tables());
        assertThat(lake.versions("FR-SNDS-SAMPLE")).containsExactly("v000001");
    }

    private static long count(Statement s, Path parquet) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet(" + Sql.path(parquet) + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
