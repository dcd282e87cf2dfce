package eu.guichet.dataplane.tabular;

import java.nio.file.Path;

/** Quoting for the few names Guichet puts into generated SQL (schema field names, its own file paths). */
final class Sql {

    private Sql() {
    }

    static String id(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String path(Path path) {
        return literal(path.toAbsolutePath().toString());
    }
}
