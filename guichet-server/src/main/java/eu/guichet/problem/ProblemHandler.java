package eu.guichet.problem;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps user errors to problem documents (API) or to the error page (browser), without stack traces. Errors that
 * are not user errors are left to Spring Boot's error handling (HTTP 500, no details). Access denials are
 * handled by the security layer, which audits them.
 */
@RestControllerAdvice
class ProblemHandler {

    @ExceptionHandler(GuichetException.class)
    Object handle(GuichetException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
        if (e instanceof ValidationException v && !v.errors().isEmpty()) {
            problem.setProperty("errors", v.errors());
        }
        return respond(problem, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object handle(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<ValidationException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ValidationException.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "request.invalid",
                "The request breaks " + errors.size() + " rule(s).");
        problem.setProperty("errors", errors);
        return respond(problem, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object handle(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.unreadable",
                "The request body is not valid JSON for this resource."), request);
    }

    /** A unique constraint hit by two requests racing past the same duplicate check. */
    @ExceptionHandler(DuplicateKeyException.class)
    Object handle(DuplicateKeyException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.CONFLICT, "request.duplicate",
                "This already exists (created meanwhile by another request)."), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object handle(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.parameter_missing",
                "Parameter '" + e.getParameterName() + "' is required."), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object handle(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "request.method_not_allowed",
                "Method " + e.getMethod() + " is not supported here."), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object handle(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media_type_unsupported",
                "This content type is not accepted here."), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object handle(NoResourceFoundException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "request.not_found", "Nothing here."), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object handle(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.parameter_invalid",
                "Parameter '" + e.getName() + "' has an invalid format."), request);
    }

    private static Object respond(ProblemDetail problem, HttpServletRequest request) {
        if (Problems.isApiRequest(request)) {
            return ResponseEntity.status(problem.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.valueOf(problem.getStatus()));
        page.addObject("status", problem.getStatus());
        page.addObject("code", problem.getProperties() == null ? null : problem.getProperties().get("code"));
        page.addObject("detail", problem.getDetail());
        return page;
    }
}
