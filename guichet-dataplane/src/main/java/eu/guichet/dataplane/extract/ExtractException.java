package eu.guichet.dataplane.extract;

/** An extract could not be built. The message holds names, ids and codes only, never row data. */
public class ExtractException extends RuntimeException {

    public ExtractException(String message) {
        super(message);
    }
}
