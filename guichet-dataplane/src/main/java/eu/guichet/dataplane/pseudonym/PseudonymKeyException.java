package eu.guichet.dataplane.pseudonym;

/** A pseudonymisation key is missing, too short, malformed or too openly readable. Messages never quote a key. */
public final class PseudonymKeyException extends RuntimeException {

    public PseudonymKeyException(String message) {
        super(message);
    }
}
