package eu.guichet.problem;

import org.springframework.http.HttpStatus;

/** The request clashes with existing state, e.g. a duplicate name (HTTP 409). */
public final class ConflictException extends GuichetException {

    public ConflictException(String code, String message) {
        super(code, message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
