package eu.guichet.access.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.problem.GuichetException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.security.AccessDenied;

/**
 * A refusal of the façade shown on the page as an alert with its stable code, instead of an error page. An
 * object-level denial that the page catches is audited here exactly as the security layer audits the ones it
 * answers ({@code access.denied}, in its own transaction), so no refusal escapes the trail.
 */
@Component
class PageRefusals {

    private final AuditTrail audit;

    PageRefusals(AuditTrail audit) {
        this.audit = audit;
    }

    String codeOf(RuntimeException e, HttpServletRequest request) {
        if (e instanceof AccessDenied denied) {
            audit.recordIndependently(AuditRecord.of("access.denied", AuditOutcome.DENIED)
                    .on("endpoint", request.getMethod() + " " + request.getRequestURI()).with("code", denied.code()));
            return denied.code();
        }
        if (e instanceof NotFoundException) {
            throw e;
        }
        if (e instanceof GuichetException g) {
            return g.code();
        }
        throw e;
    }
}
