package eu.guichet.catalogue.internal.variables;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Rejects a list of names (columns of a table, tables of a document) in which a name appears twice. */
final class Duplicates {

    private Duplicates() {
    }

    static void check(List<String> names, String source, String location, String what) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                duplicates.add(name);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new VariableImportException(source, location,
                    "has duplicate " + what + " names: " + String.join(", ", duplicates));
        }
    }
}
