package eu.guichet.audit.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.ChainVerification;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The audit trail page: the newest events and the verification of the whole chain, which is itself audited (as on
 * the API). Auditors also get the link to the JSON-lines export.
 */
@Controller
class AuditPagesController {

    static final int SHOWN = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final AuditOperations operations;
    private final AuditLog log;
    private final TransactionTemplate transactions;

    AuditPagesController(AuditOperations operations, AuditLog log, PlatformTransactionManager tm) {
        this.operations = operations;
        this.log = log;
        this.transactions = new TransactionTemplate(tm);
    }

    @GetMapping("/audit")
    @AllowRoles({ Role.AUDITOR, Role.HDAB_ADMIN })
    String trail(CurrentUser user, Model model) {
        ChainVerification verification = operations.verify("page");
        model.addAttribute("verification", verification);
        model.addAttribute("events", newest());
        model.addAttribute("shown", SHOWN);
        model.addAttribute("canExport", user.hasRole(Role.AUDITOR));
        return "audit/trail";
    }

    /**
     * The whole trail as a JSON-lines download, for auditors signed in with the browser (the API's export takes
     * HTTP Basic or bearer tokens, not the browser's session).
     */
    @GetMapping("/audit/events")
    @AllowRoles(Role.AUDITOR)
    ResponseEntity<StreamingResponseBody> export() {
        return ResponseEntity.ok().contentType(AuditApiController.NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("guichet-audit-trail.jsonl").build().toString())
                .body(operations.export(Optional.empty(), Optional.empty(), "page"));
    }

    /** The newest rows, an altered row that no longer reads as an event included (shown as unreadable). */
    private List<EventRow> newest() {
        List<EventRow> rows = new ArrayList<>();
        transactions.executeWithoutResult(s -> log.forEachNewest(SHOWN, new AuditLog.Visitor() {
            @Override
            public void event(AuditEvent event) {
                rows.add(EventRow.of(event));
            }

            @Override
            public void unreadable(long sequence, String storedHash, String reason) {
                rows.add(new EventRow(sequence, null, null, null, null, null));
            }
        }));
        return rows;
    }

    /** One row as the table shows it; all but the sequence null when the row no longer reads as an event. */
    public record EventRow(long sequence, String time, String actor, String action, String object,
            AuditOutcome outcome) {

        static EventRow of(AuditEvent e) {
            String object = e.objectType() == null ? null
                    : e.objectId() == null ? e.objectType() : e.objectType() + " " + e.objectId();
            return new EventRow(e.sequence(), TIME.format(e.occurredAt()), e.actor(), e.action(), object,
                    e.outcome());
        }

        public boolean isUnreadable() {
            return outcome == null;
        }
    }
}
