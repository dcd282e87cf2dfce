package eu.guichet.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;

import eu.guichet.problem.ValidationException;

/**
 * What a local account's password must be: at least {@value #MIN_CHARACTERS} characters (a passphrase is welcome),
 * and at most {@value #MAX_BYTES} bytes in UTF-8, the most bcrypt hashes (longer input would be refused by the hash,
 * never silently cut).
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 12;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Throws a 422 naming the broken rule; never echoes the password. */
    public static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw new ValidationException("identity.password_weak",
                    "A password needs at least " + MIN_CHARACTERS + " characters.",
                    List.of(new ValidationException.FieldError("password", "at least " + MIN_CHARACTERS
                            + " characters")));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ValidationException("identity.password_too_long",
                    "A password may have at most " + MAX_BYTES + " bytes (about " + MAX_BYTES
                            + " letters without accents).",
                    List.of(new ValidationException.FieldError("password", "at most " + MAX_BYTES + " bytes")));
        }
    }
}
