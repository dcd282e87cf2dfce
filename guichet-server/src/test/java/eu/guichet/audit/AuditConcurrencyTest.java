package eu.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Many requests writing audit events at once never fork the chain, leave a gap or a duplicate. */
@GuichetIntegrationTest
class AuditConcurrencyTest {

    static final int THREADS = 8;
    static final int ORGANISATIONS = 48;
    static final int FAILED_LOGINS = 24;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void parallel_writers_extend_one_unbroken_chain() throws Exception {
        AuditProbe probe = new AuditProbe(dataSource, new Api(port));
        long before = probe.head();
        String run = AuditProbe.requestId("concurrent");

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < ORGANISATIONS + FAILED_LOGINS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return n < ORGANISATIONS
                            ? probe.createOrganisation("Concurrent " + run + " " + n, run + "-" + n).status()
                            : probe.failedLogin("intruder", "wrong-password", run + "-" + n).status();
                }));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                statuses.add(future.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses.subList(0, ORGANISATIONS)).as("organisations created").containsOnly(201);
        assertThat(statuses.subList(ORGANISATIONS, statuses.size())).as("failed logins").containsOnly(401);

        List<AuditProbe.Row> rows = probe.rows();
        assertThat(rows).hasSize((int) (before + ORGANISATIONS + FAILED_LOGINS));
        String previousHash = AuditProbe.GENESIS;
        for (int i = 0; i < rows.size(); i++) {
            AuditProbe.Row row = rows.get(i);
            assertThat(row.seq()).as("sequence numbers are 1..N without gap or duplicate").isEqualTo(i + 1);
            assertThat(row.previousHash()).as("event %d links to event %d", row.seq(), row.seq() - 1)
                    .isEqualTo(previousHash);
            previousHash = row.hash();
        }
        for (int n = 0; n < ORGANISATIONS + FAILED_LOGINS; n++) {
            assertThat(probe.rowsOfRequest(run + "-" + n)).as("events of request %d", n).singleElement()
                    .extracting(AuditProbe.Row::action)
                    .isEqualTo(n < ORGANISATIONS ? "identity.organisation_created" : "identity.login_failed");
        }

        JsonNode report = probe.verify();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(rows.size());
        assertThat(report.get("anchoredSequence").asLong()).as("the newest commit is anchored")
                .isEqualTo(report.get("headSequence").asLong());
    }
}
