package eu.guichet.extract;

import static eu.guichet.extract.ExtractJourneys.FHIR_VARIABLES;
import static eu.guichet.extract.ExtractJourneys.everyone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.access.AccessJourneys;
import eu.guichet.access.PermitExpired;
import eu.guichet.access.PermitId;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.extract.internal.ExtractRetention;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.JsonNode;

/** An expired permit's extract is deleted once the retention period has passed, audited; a recent one is kept. */
@GuichetIntegrationTest
class ExtractRetentionTest {

    @LocalServerPort
    int port;

    @Value("${guichet.extract.dir}")
    Path extractDir;

    @Autowired
    ExtractRetention retention;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_ended_permits_extract_files_are_deleted_after_the_retention_period() throws Exception {
        Api api = new Api(port);
        ExtractJourneys journeys = new ExtractJourneys(api, extractDir);
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        journeys.deliverFhir(dataset);
        String old = journeys.grantedPermit(dataset, everyone(), FHIR_VARIABLES);
        String recent = journeys.grantedPermit(dataset, everyone(), FHIR_VARIABLES);
        JsonNode oldExtract = journeys.awaitReady(old, 1);
        JsonNode recentExtract = journeys.awaitReady(recent, 1);
        for (String permit : new String[] { old, recent }) {
            transactions.executeWithoutResult(s -> events.publishEvent(
                    new PermitExpired(new PermitId(UUID.fromString(permit)), Instant.now())));
        }
        // other test classes of the shared context end permits too: count this test's two only
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from permit_extract"
                + " where permit_ended_at is not null and permit_id in (?, ?)")
                .params(UUID.fromString(old), UUID.fromString(recent)).query(Long.class).single() == 2);
        jdbc.sql("update permit_extract set permit_ended_at = now() - make_interval(months => 7) where permit_id = ?")
                .param(UUID.fromString(old)).update();
        Path oldFiles = extractDir.resolve(oldExtract.get("extractId").asString());
        Path recentFiles = extractDir.resolve(recentExtract.get("extractId").asString());
        assertThat(oldFiles).isDirectory();

        assertThat(retention.deleteExpired()).isEqualTo(1);

        assertThat(oldFiles).doesNotExist();
        assertThat(recentFiles).isDirectory();
        assertThat(status(old)).isEqualTo("DELETED");
        assertThat(status(recent)).isEqualTo("READY");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'extract.deleted' and object_id = ?")
                .param(old).query(Long.class).single()).isEqualTo(1);
        assertThat(retention.deleteExpired()).as("nothing left to delete").isZero();
    }

    private String status(String permit) {
        return jdbc.sql("select status from permit_extract where permit_id = ?").param(UUID.fromString(permit))
                .query(String.class).single();
    }
}
