package eu.guichet.dataplane.tabular;

import java.nio.file.Path;

/**
 * Quoting for the few names Guichet puts into generated SQL (schema field names, its own file paths), shared by every
 * delivery format.
 */
public final class Sql {

    private Sql() {
    }

    public static String id(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    public static String path(Path path) {
        return literal(path.toAbsolutePath().toString());
    }
}
