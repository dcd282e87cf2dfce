package eu.guichet.problem;

import org.springframework.http.HttpStatus;

/** The object asked for does not exist (HTTP 404). */
public final class NotFoundException extends GuichetException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
