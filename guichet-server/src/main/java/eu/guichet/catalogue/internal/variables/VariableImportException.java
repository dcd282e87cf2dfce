package eu.guichet.catalogue.internal.variables;

/**
 * A variable description file that cannot be imported. The message names the problem and where it is (file, then a
 * JSON path such as {@code fields[3]}) and is safe to show to the holder who uploaded the file: it names fields and
 * columns, never cell values. The web layer maps it to a 422 problem with the code {@link #CODE}.
 */
public final class VariableImportException extends RuntimeException {

    /** Stable error code for the problem document. */
    public static final String CODE = "catalogue.variables_invalid";

    private final String source;
    private final String location;
    private final String problem;

    VariableImportException(String source, String location, String problem) {
        super(format(source, location, problem));
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    /** The file name given to the import. */
    public String source() {
        return source;
    }

    /** Where in the file, as a JSON path ({@code tables[0].tableSchema.columns[2]}); empty for the whole file. */
    public String location() {
        return location;
    }

    /** What is wrong, without the file and location. */
    public String problem() {
        return problem;
    }

    private static String format(String source, String location, String problem) {
        String where = location == null || location.isEmpty() ? "" : location + " ";
        return source + ": " + where + problem;
    }
}
