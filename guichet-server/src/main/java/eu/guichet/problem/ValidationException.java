package eu.guichet.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Input that is well-formed but breaks a rule (HTTP 422), with one entry per offending field. */
public final class ValidationException extends GuichetException {

    private final List<FieldError> errors;

    public ValidationException(String code, String message, List<FieldError> errors) {
        super(code, message);
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String code, String message) {
        this(code, message, List.of());
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    /** One rule broken by one field; {@code message} names the rule, never echoes the rejected value. */
    public record FieldError(String field, String message) {
    }
}
