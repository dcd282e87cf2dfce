package eu.guichet.audit.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.audit.ChainVerification;
import eu.guichet.problem.ValidationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What auditors do, whatever the channel (API or page): verify the chain and export events, each act itself
 * audited.
 */
@Service
class AuditOperations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final AuditVerifier verifier;
    private final AuditLog log;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;

    AuditOperations(AuditVerifier verifier, AuditLog log, AuditTrail audit, PlatformTransactionManager tm) {
        this.verifier = verifier;
        this.log = log;
        this.audit = audit;
        this.transactions = new TransactionTemplate(tm);
        this.readOnly = new TransactionTemplate(tm);
        this.readOnly.setReadOnly(true);
    }

    /** Verifies the chain and records that it was verified, with the result. */
    ChainVerification verify(String via) {
        ChainVerification result = verifier.verify();
        transactions.executeWithoutResult(s -> audit.record(AuditRecord.of("audit.chain_verified",
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
                .with("head", result.headSequence())
                .with("broken_at", result.firstBrokenLink().map(b -> String.valueOf(b.sequence())).orElse("-"))
                .with("via", via)));
        return result;
    }

    /**
     * Records the export, then streams the events of [from, to) as JSON lines, oldest first, from a read-only
     * transaction (a cursor: the table is never loaded whole).
     */
    StreamingResponseBody export(Optional<Instant> from, Optional<Instant> to, String via) {
        Instant start = from.orElse(Instant.EPOCH);
        Instant end = to.orElse(END_OF_TIME);
        if (!start.isBefore(end)) {
            throw new ValidationException("audit.period_invalid", "'from' must be before 'to'.");
        }
        transactions.executeWithoutResult(s -> audit.record(AuditRecord.of("audit.events_exported",
                AuditOutcome.SUCCESS).with("from", start).with("to", end).with("via", via)));
        return out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            readOnly.executeWithoutResult(s -> log.forEachBetween(start, end, new AuditLog.Visitor() {
                @Override
                public void event(AuditEvent event) {
                    line(writer, event);
                }

                @Override
                public void unreadable(long sequence, String storedHash, String reason) {
                    line(writer, new UnreadableEvent(sequence, storedHash, reason));
                }
            }));
            writer.flush();
        };
    }

    /** How a row that no longer reads as an event is exported: verification reports it as altered. */
    record UnreadableEvent(long sequence, String hash, String unreadable) {
    }

    private static void line(BufferedWriter writer, Object value) {
        try {
            writer.write(JSON.writeValueAsString(value));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
