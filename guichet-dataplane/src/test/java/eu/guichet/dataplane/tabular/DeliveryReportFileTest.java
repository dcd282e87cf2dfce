package eu.guichet.dataplane.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code delivery-report.json} as versions store it: reports written before a field existed stay readable. */
@Tag("unit")
class DeliveryReportFileTest {

    @TempDir
    Path dir;

    @Test
    void a_report_written_before_the_profile_validation_sample_reads_without_one() throws Exception {
        DatasetLake lake = new DatasetLake(dir);
        Path version = Files.createDirectories(lake.versionDir("OLD", "v000001"));
        Files.writeString(version.resolve(DatasetLake.REPORT_FILE), """
                {"datasetId": "OLD", "outcome": "PUBLISHED", "version": "v000001", "deliverySha256": "ab",
                 "keyVersion": 1, "tables": [{"table": "patient", "sha256": "cd", "recordsRead": 3,
                 "recordsAccepted": 2, "recordsRejected": 1, "missingColumns": [], "extraColumns": [],
                 "issues": [{"reason": "enum", "column": "gender", "records": 1}]}]}
                """);

        TableReport patient = lake.report("OLD", "v000001").table("patient").orElseThrow();
        assertThat(patient.recordsAccepted()).isEqualTo(2);
        assertThat(patient.issues()).containsExactly(new IssueCount("enum", "gender", 1));
        assertThat(patient.profileSample()).isNull();
    }

    @Test
    void a_profile_validation_sample_is_stored_and_read_back_and_absent_when_there_is_none() throws Exception {
        ProfileSampleReport sample = new ProfileSampleReport(20, 1, 2, 3,
                List.of(new ProfileFinding("error", "Terminology_TX_NoValid_16", "Patient.gender", 2)), 0);
        TableReport fhir = new TableReport("patient", "cd", 21, 21, 0, List.of(), List.of(), List.of())
                .withProfileSample(sample);
        TableReport csv = new TableReport("IR_BEN_R", "ef", 5, 5, 0, List.of(), List.of(), List.of());
        String json = DatasetLake.JSON.writeValueAsString(new DeliveryReport("NEW", DeliveryReport.Outcome.PUBLISHED,
                "v000001", "ab", 1, List.of(fhir, csv)));

        DeliveryReport read = DatasetLake.JSON.readValue(json, DeliveryReport.class);
        assertThat(read.table("patient").orElseThrow().profileSample()).isEqualTo(sample);
        assertThat(read.table("IR_BEN_R").orElseThrow().profileSample()).isNull();
        assertThat(json).containsOnlyOnce("profileSample");
    }
}
