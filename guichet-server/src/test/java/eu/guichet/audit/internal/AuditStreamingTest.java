package eu.guichet.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.audit.ChainVerification;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * Verification reads the trail through a PostgreSQL cursor, {@value AuditLog#FETCH_SIZE} rows at a time, never the
 * whole table at once; and a chain longer than one fetch verifies.
 */
@GuichetIntegrationTest
class AuditStreamingTest {

    /** The PostgreSQL driver logs each protocol message it sends here (java.util.logging, at FINEST). */
    static final String DRIVER_PROTOCOL_LOGGER = "org.postgresql.core.v3.QueryExecutorImpl";

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditLog log;

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void verification_fetches_rows_through_a_cursor_a_batch_at_a_time() {
        List<Object[]> executes = new ArrayList<>();
        Logger driver = Logger.getLogger(DRIVER_PROTOCOL_LOGGER);
        Level level = driver.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().contains("FE=> Execute(")) {
                    synchronized (executes) {
                        executes.add(record.getParameters());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        driver.setLevel(Level.FINEST);
        driver.addHandler(capture);
        try {
            verifier.verify();
        } finally {
            driver.removeHandler(capture);
            driver.setLevel(level);
        }

        // A named portal executed with a row limit is a cursor; without one the driver asks for every row (limit 0).
        assertThat(executes).as("Execute messages sent by the driver")
                .anySatisfy(parameters -> {
                    assertThat(String.valueOf(parameters[0])).startsWith("C_");
                    assertThat(parameters[1]).isEqualTo(AuditLog.FETCH_SIZE);
                });
    }

    @Test
    void reading_the_trail_outside_a_transaction_is_refused_rather_than_loading_it_whole() {
        AuditLog.Visitor ignore = new AuditLog.Visitor() {
            @Override
            public void event(AuditEvent event) {
            }

            @Override
            public void unreadable(long sequence, String storedHash, String reason) {
            }
        };

        assertThatThrownBy(() -> log.forEach(ignore)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void a_chain_longer_than_several_fetches_verifies() {
        int events = 3 * AuditLog.FETCH_SIZE + 7;
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 0; i < events; i++) {
                audit.record(AuditRecord.of("test.bulk_event", AuditOutcome.SUCCESS).with("n", i).by("tester"));
            }
        });

        ChainVerification result = verifier.verify();

        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.headSequence()).isGreaterThanOrEqualTo(events);
        assertThat(result.eventsChecked()).isEqualTo(result.headSequence());
        assertThat(result.anchoredSequence()).as("one anchor for the transaction's newest event")
                .isEqualTo(result.headSequence());
    }
}
