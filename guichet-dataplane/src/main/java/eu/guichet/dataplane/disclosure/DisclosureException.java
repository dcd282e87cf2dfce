package eu.guichet.dataplane.disclosure;

/** A table could not be checked. The message holds names and codes only, never a value of a row. */
public class DisclosureException extends RuntimeException {

    public DisclosureException(String message) {
        super(message);
    }
}
