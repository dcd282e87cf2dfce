package eu.guichet.problem;

import org.springframework.http.HttpStatus;

/** A lifecycle move that the object's state table does not allow (HTTP 409). */
public final class InvalidTransitionException extends GuichetException {

    public InvalidTransitionException(String code, String message) {
        super(code, message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
