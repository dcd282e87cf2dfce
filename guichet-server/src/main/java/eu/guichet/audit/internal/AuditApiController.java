package eu.guichet.audit.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import eu.guichet.audit.ChainVerification;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.Role;

/** Audit export (JSON lines) and chain verification, for auditors. */
@RestController
@RequestMapping("/api/audit")
class AuditApiController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditOperations operations;

    AuditApiController(AuditOperations operations) {
        this.operations = operations;
    }

    @GetMapping("/verify")
    @AllowRoles({ Role.AUDITOR, Role.HDAB_ADMIN })
    ChainVerification verify() {
        return operations.verify("api");
    }

    /** Events in [from, to) as JSON lines, oldest first; both bounds optional. */
    @GetMapping("/events")
    @AllowRoles(Role.AUDITOR)
    ResponseEntity<StreamingResponseBody> events(@RequestParam Optional<Instant> from,
            @RequestParam Optional<Instant> to) {
        return ResponseEntity.ok().contentType(NDJSON).body(operations.export(from, to, "api"));
    }
}
