package eu.guichet.security.internal;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import eu.guichet.security.AccessDenied;
import eu.guichet.security.AccessRule;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.CurrentUsers;

/**
 * Deny by default: before any controller method runs, its declared {@link AccessRule} must admit the caller. A
 * method that declares no rule is refused to everyone. Anonymous callers refused get 401 (or the login page), signed-in
 * callers 403; the security layer renders and audits both.
 */
class AccessDecisionInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessDecisionInterceptor.class);

    /** Framework endpoints that carry no annotation of ours, decided here. */
    static final Map<String, AccessRule> FRAMEWORK_RULES = Map.of(
            "org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController", new AccessRule.Anonymous(),
            "org.springdoc.webmvc.api.OpenApiWebMvcResource", new AccessRule.Anonymous());

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // static resources: served by the resource handler, no data
        }
        Optional<AccessRule> rule = ruleOf(method);
        if (rule.isEmpty()) {
            log.warn("Refused {} {}: {} declares no access rule", request.getMethod(), request.getRequestURI(),
                    method.getShortLogMessage());
            throw new AccessDenied("access.undeclared", "This endpoint declares no access rule.");
        }
        Optional<CurrentUser> user = CurrentUsers.find();
        if (rule.get().admits(user)) {
            return true;
        }
        if (user.isEmpty()) {
            throw authenticationRequired();
        }
        throw new AccessDenied("access.role_required", "Your roles do not allow this action.");
    }

    static Optional<AccessRule> ruleOf(HandlerMethod method) {
        AccessRule framework = FRAMEWORK_RULES.get(method.getBeanType().getName());
        return framework != null ? Optional.of(framework) : AccessRule.of(method);
    }

    private static AuthenticationException authenticationRequired() {
        return new InsufficientAuthenticationException("Sign in to continue.");
    }
}
