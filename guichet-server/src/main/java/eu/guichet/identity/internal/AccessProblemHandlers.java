package eu.guichet.identity.internal;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.problem.Problems;
import eu.guichet.security.AccessDenied;
import tools.jackson.databind.json.JsonMapper;

/**
 * How refusals look: 401 and 403 problem documents on the API, the sign-in page or the error page in the browser.
 * Every 403 is audited in a transaction of its own, so the rollback of the refused action does not erase it.
 */
class AccessProblemHandlers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditTrail audit;

    AccessProblemHandlers(AuditTrail audit) {
        this.audit = audit;
    }

    /** 401 for the API: the WWW-Authenticate challenge names the schemes the deployment accepts. */
    AuthenticationEntryPoint apiEntryPoint(boolean basic, boolean bearer) {
        return (request, response, e) -> {
            if (basic) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"Guichet\"");
            }
            if (bearer) {
                response.addHeader("WWW-Authenticate", "Bearer");
            }
            write(response, Problems.of(HttpStatus.UNAUTHORIZED, "authentication.required",
                    "Sign in to call this endpoint (" + schemes(basic, bearer) + ")."));
        };
    }

    /** 403 for endpoints nobody may call, such as actuator endpoints other than health and info. */
    AuthenticationEntryPoint notExposed() {
        return (request, response, e) -> write(response, Problems.of(HttpStatus.FORBIDDEN, "access.not_exposed",
                "This endpoint is not exposed."));
    }

    AccessDeniedHandler deniedHandler() {
        return (request, response, e) -> {
            String code = e instanceof AccessDenied denied ? denied.code() : "access.denied";
            audit.recordIndependently(AuditRecord.of("access.denied", AuditOutcome.DENIED)
                    .on("endpoint", request.getMethod() + " " + request.getRequestURI())
                    .with("code", code));
            ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, code, safeMessage(e));
            if (Problems.isApiRequest(request)) {
                write(response, problem);
            } else {
                renderErrorPage(request, response, problem);
            }
        };
    }

    private static void renderErrorPage(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException, ServletException {
        request.setAttribute("status", problem.getStatus());
        request.setAttribute("code", problem.getProperties().get("code"));
        request.setAttribute("detail", problem.getDetail());
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, problem.getStatus());
        response.setStatus(problem.getStatus());
        request.getRequestDispatcher("/denied").forward(request, response);
    }

    private static String safeMessage(AccessDeniedException e) {
        return e instanceof AccessDenied ? e.getMessage() : "You may not do this.";
    }

    private static String schemes(boolean basic, boolean bearer) {
        if (basic && bearer) {
            return "HTTP Basic or a bearer token";
        }
        return basic ? "HTTP Basic" : "a bearer token";
    }

    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), Problems.asMap(problem));
    }

}
