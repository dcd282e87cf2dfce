package eu.guichet.catalogue.internal.rdf;

/**
 * The RDF given for import cannot be read: not well-formed, too large, or not in the format announced. The message
 * is written for the person importing and may be shown as it is (it holds no stack trace and no input text beyond
 * the parser's own diagnostic).
 */
public class RdfSyntaxException extends RuntimeException {

    private final long line;
    private final long column;

    public RdfSyntaxException(String message, long line, long column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public RdfSyntaxException(String message) {
        this(message, -1, -1);
    }

    /** The line of the error (1-based), or -1 when the parser did not give one. */
    public long line() {
        return line;
    }

    /** The column of the error (1-based), or -1 when the parser did not give one. */
    public long column() {
        return column;
    }
}
