package eu.guichet.dataplane.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Small tables for the tests, written as their inner cells, and the findings of a report as short strings. */
final class Tables {

    private Tables() {
    }

    /** A one-way frequency table from its counts, categories a, b, c... */
    static OutputTable line(long... counts) {
        List<String> cats = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            cats.add(String.valueOf((char) ('a' + i)));
        }
        return line(Dimension.of("x", cats.toArray(String[]::new)), counts);
    }

    static OutputTable line(Dimension dim, long... counts) {
        OutputTableBuilder b = OutputTable.counting(List.of(dim));
        for (int i = 0; i < counts.length; i++) {
            b.aggregate(counts[i], 0, dim.categories().get(i));
        }
        return b.build();
    }

    /** A two-way frequency table: rows r1, r2..., columns c1, c2..., counts row by row. */
    static OutputTable grid(int rows, long... counts) {
        int cols = counts.length / rows;
        Dimension r = Dimension.of("row", names("r", rows));
        Dimension c = Dimension.of("col", names("c", cols));
        OutputTableBuilder b = OutputTable.counting(List.of(r, c));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                b.aggregate(counts[i * cols + j], 0, "r" + (i + 1), "c" + (j + 1));
            }
        }
        return b.build();
    }

    static String[] names(String prefix, int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = prefix + (i + 1);
        }
        return s;
    }

    /**
     * A one-way magnitude table from contributors' values, one category per argument: "a=500,450,5x10" gives category
     * a the contributions 500, 450 and ten of 5 (each contributor its own).
     */
    static OutputTable amounts(String... categories) {
        List<String> names = new ArrayList<>();
        for (String c : categories) {
            names.add(c.substring(0, c.indexOf('=')));
        }
        OutputTableBuilder b = OutputTable.summing(List.of(new Dimension("x", names, Map.of())), 2);
        int contributor = 0;
        for (String c : categories) {
            String cat = c.substring(0, c.indexOf('='));
            for (String part : c.substring(c.indexOf('=') + 1).split(",")) {
                String[] vx = part.split("x");
                int times = vx.length > 1 ? Integer.parseInt(vx[1]) : 1;
                for (int i = 0; i < times; i++) {
                    b.add("p" + contributor++, Double.parseDouble(vx[0]), cat);
                }
            }
        }
        return b.build();
    }

    /** Findings as "cell labels joined by | → OUTCOME reason,reason", sorted. */
    static Map<String, String> findings(DisclosureReport report) {
        Map<String, String> m = new TreeMap<>();
        for (Finding f : report.findings()) {
            m.put(String.join("|", f.cell()), f.outcome() + " " + f.reasons().stream().map(Reason::code)
                    .collect(Collectors.joining(",")));
        }
        return m;
    }
}
