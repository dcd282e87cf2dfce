package eu.guichet.bench;

import java.util.List;

/**
 * The disclosure-check row. The checks ({@code eu.guichet.dataplane.disclosure}) are not on this branch yet; until
 * they are, the row says so and {@code DisclosureChecksBench} in guichet-dataplane's tests measures them.
 */
final class DisclosureBench {

    private DisclosureBench() {
    }

    static List<BenchRow> run(BenchContext ctx) {
        try {
            Class.forName("eu.guichet.dataplane.disclosure.DisclosureChecks");
        } catch (ClassNotFoundException e) {
            return List.of(BenchRow.notMeasured("disclosure", "disclosure checks on a 1M-cell output table",
                    "not in this build: the disclosure checks are not merged yet"));
        }
        return List.of(BenchRow.notMeasured("disclosure", "disclosure checks on a 1M-cell output table",
                "not wired yet: run DisclosureChecksBench (guichet-dataplane tests)"));
    }
}
