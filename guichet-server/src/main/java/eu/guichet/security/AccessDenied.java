package eu.guichet.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * Refusal of an action on an object (object-level check): another organisation's object, a permit the caller is
 * not named in, one's own application to assess. The security layer answers 403 with the {@link #code()} and
 * audits the denial in its own transaction, so the rollback of the refused action does not erase it.
 */
public class AccessDenied extends AccessDeniedException {

    private final String code;

    public AccessDenied(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
