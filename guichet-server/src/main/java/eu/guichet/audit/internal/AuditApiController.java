package eu.guichet.audit.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.audit.ChainVerification;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.Role;
import tools.jackson.databind.json.JsonMapper;

/** Audit export (JSON lines) and chain verification, for auditors. */
@RestController
@RequestMapping("/api/audit")
class AuditApiController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditVerifier verifier;
    private final AuditLog log;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;

    AuditApiController(AuditVerifier verifier, AuditLog log, AuditTrail audit, PlatformTransactionManager tm) {
        this.verifier = verifier;
        this.log = log;
        this.audit = audit;
        this.transactions = new TransactionTemplate(tm);
        this.readOnly = new TransactionTemplate(tm);
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/verify")
    @AllowRoles({ Role.AUDITOR, Role.HDAB_ADMIN })
    ChainVerification verify() {
        ChainVerification result = verifier.verify();
        transactions.executeWithoutResult(s -> audit.record(AuditRecord.of("audit.chain_verified",
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
                .with("head", result.headSequence())
                .with("broken_at", result.firstBrokenLink().map(b -> String.valueOf(b.sequence())).orElse("-"))));
        return result;
    }

    /** Events in [from, to) as JSON lines, oldest first; both bounds optional. */
    @GetMapping("/events")
    @AllowRoles(Role.AUDITOR)
    ResponseEntity<StreamingResponseBody> events(@RequestParam Optional<Instant> from,
            @RequestParam Optional<Instant> to) {
        Instant start = from.orElse(Instant.EPOCH);
        Instant end = to.orElse(Instant.parse("9999-12-31T00:00:00Z"));
        if (!start.isBefore(end)) {
            throw new ValidationException("audit.period_invalid", "'from' must be before 'to'.");
        }
        transactions.executeWithoutResult(s -> audit.record(AuditRecord.of("audit.events_exported",
                AuditOutcome.SUCCESS).with("from", start).with("to", end)));
        StreamingResponseBody body = out -> {
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
        return ResponseEntity.ok().contentType(NDJSON).body(body);
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
