package eu.guichet.dataplane.disclosure;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A categorical column of an output table: its categories (every one, including those no row has: a category absent
 * from the rows is a zero cell) and optional sub-totals, each the sum of some categories (e.g. a region over its
 * départements). The table also releases the dimension's total, labelled {@link #TOTAL}.
 */
public record Dimension(String name, List<String> categories, Map<String, List<String>> subtotals) {

    /** The label of a dimension's total in cell labels. */
    public static final String TOTAL = "Total";

    public Dimension {
        categories = List.copyOf(categories);
        subtotals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subtotals));
        Set<String> labels = new HashSet<>(categories);
        if (categories.isEmpty() || labels.size() != categories.size() || labels.contains(TOTAL)) {
            throw new IllegalArgumentException("dimension " + name
                    + ": categories must be distinct, at least one, none named " + TOTAL);
        }
        for (Map.Entry<String, List<String>> s : subtotals.entrySet()) {
            if (!labels.add(s.getKey()) || s.getKey().equals(TOTAL) || s.getValue().isEmpty()
                    || !categories.containsAll(s.getValue()) || new HashSet<>(s.getValue()).size() != s.getValue().size()) {
                throw new IllegalArgumentException("dimension " + name + ": sub-total " + s.getKey()
                        + " must have a new name and distinct categories of the dimension");
            }
        }
    }

    public static Dimension of(String name, String... categories) {
        return new Dimension(name, List.of(categories), Map.of());
    }

    public Dimension withSubtotal(String label, String... members) {
        Map<String, List<String>> s = new LinkedHashMap<>(subtotals);
        s.put(label, List.of(members));
        return new Dimension(name, categories, s);
    }

    /** Slots of this dimension in a cell's coordinates: categories, then sub-totals, then the total. */
    int slots() {
        return categories.size() + subtotals.size() + 1;
    }

    int totalSlot() {
        return slots() - 1;
    }
}
