package eu.guichet.problem;

import org.springframework.http.HttpStatus;

/**
 * A user-facing error with a stable machine-readable code (e.g. {@code identity.user_not_found}) and a message
 * safe to show. Never carries row-level health data.
 */
public abstract sealed class GuichetException extends RuntimeException
        permits NotFoundException, InvalidTransitionException, ValidationException, ConflictException {

    private final String code;

    protected GuichetException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public abstract HttpStatus status();
}
