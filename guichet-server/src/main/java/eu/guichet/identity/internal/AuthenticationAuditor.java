package eu.guichet.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;

/**
 * Audits sign-ins (interactive: form and OpenID Connect), sign-outs and every failed authentication (form, HTTP
 * Basic, bearer token). A bearer token is never written: a failed token shows as actor {@code anonymous}. The
 * attempted username of a failed sign-in is whatever the caller sent: it is cut to {@value #MAX_ATTEMPTED_USERNAME}
 * characters so nobody fills the trail by sending megabytes as a username.
 */
@Component
class AuthenticationAuditor {

    static final int MAX_ATTEMPTED_USERNAME = 100;

    private final AuditTrail audit;

    AuthenticationAuditor(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        audit.recordIndependently(AuditRecord.of("identity.login", AuditOutcome.SUCCESS)
                .with("method", method(event.getAuthentication()))
                .by(event.getAuthentication().getName()));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        boolean bearer = attempt instanceof BearerTokenAuthenticationToken;
        audit.recordIndependently(AuditRecord.of("identity.login_failed", AuditOutcome.FAILURE)
                .with("method", bearer ? "bearer" : method(attempt))
                .with("reason", event.getException().getClass().getSimpleName())
                .by(bearer ? "anonymous" : attempted(String.valueOf(attempt.getName()))));
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        audit.recordIndependently(AuditRecord.of("identity.logout", AuditOutcome.SUCCESS)
                .by(event.getAuthentication().getName()));
    }

    static String attempted(String username) {
        if (username.codePointCount(0, username.length()) <= MAX_ATTEMPTED_USERNAME) {
            return username;
        }
        return username.substring(0, username.offsetByCodePoints(0, MAX_ATTEMPTED_USERNAME - 1)) + "…";
    }

    private static String method(Authentication authentication) {
        String type = authentication.getClass().getSimpleName();
        return type.startsWith("OAuth2") || type.startsWith("Oidc") ? "oidc" : "password";
    }
}
