package eu.guichet.dataplane.disclosure;

import static eu.guichet.dataplane.disclosure.Tables.amounts;
import static eu.guichet.dataplane.disclosure.Tables.findings;
import static eu.guichet.dataplane.disclosure.Tables.grid;
import static eu.guichet.dataplane.disclosure.Tables.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The disclosure rules as a table: a result table, the rules applied, the cells that are not simply released. The
 * table and the rules are the reference docs/reference/disclosure-rules.md, written by {@link #writes_the_reference()}.
 */
@Tag("unit")
class DisclosureRulesTest {

    record Case(String description, String profile, DisclosureConfig config, String table,
            Supplier<OutputTable> build, Supplier<List<Release>> earlier, Map<String, String> expected) {

        @Override
        public String toString() {
            return description;
        }
    }

    static final DisclosureConfig DEFAULT = DisclosureConfig.DEFAULT;

    static Case c(String description, String profile, DisclosureConfig config, String table,
            Supplier<OutputTable> build, Map<String, String> expected) {
        return new Case(description, profile, config, table, build, List::of, expected);
    }

    static final List<Case> CASES = List.of(
            c("counts at or above the threshold are released", "DEFAULT", DEFAULT, "a=10, b=25, c=30",
                    () -> line(10, 25, 30), Map.of()),
            c("margins reveal a suppressed cell: with the total released, a second cell of the row is suppressed",
                    "DEFAULT", DEFAULT, "a=25, b=4, c=30 (total 59)", () -> line(25, 4, 30),
                    Map.of("b", "SUPPRESS below_threshold", "a", "SUPPRESS secondary")),
            c("the complement is large enough to protect: 4 + 3 would pin b between 0 and 7", "DEFAULT", DEFAULT,
                    "a=3, b=4, c=30, d=12", () -> line(3, 4, 30, 12),
                    Map.of("a", "SUPPRESS below_threshold", "b", "SUPPRESS below_threshold",
                            "d", "SUPPRESS secondary")),
            c("France (SNDS rule): a count of 10 is under 11", "FRANCE", DisclosureConfig.FRANCE,
                    "a=10, b=25, c=30", () -> line(10, 25, 30),
                    Map.of("a", "SUPPRESS below_threshold", "b", "SUPPRESS secondary")),
            c("OpenSAFELY: 7 or fewer suppressed, the rest rounded to 5", "OPENSAFELY", DisclosureConfig.OPENSAFELY,
                    "a=7, b=23, c=48", () -> line(7, 23, 48),
                    Map.of("a", "SUPPRESS below_threshold", "b", "SUPPRESS secondary", "c", "ROUND rounded",
                            "Total", "ROUND rounded")),
            c("zeros are flagged for review (structural or sampling?)", "DEFAULT", DEFAULT, "a=0, b=20, c=30",
                    () -> line(0, 20, 30), Map.of("a", "REVIEW zero")),
            c("zeros pass when the HDAB does not review them", "DEFAULT, zeros not reviewed",
                    DEFAULT.withZerosForReview(false), "a=0, b=20, c=30", () -> line(0, 20, 30), Map.of()),
            c("a sub-total reveals a district: the complement is in the same region", "DEFAULT", DEFAULT,
                    "d1=3, d2=40 (North), d3=50, d4=60 (South)",
                    () -> line(Dimension.of("district", "d1", "d2", "d3", "d4").withSubtotal("North", "d1", "d2")
                            .withSubtotal("South", "d3", "d4"), 3, 40, 50, 60),
                    Map.of("d1", "SUPPRESS below_threshold", "d2", "SUPPRESS secondary")),
            c("two-way table: one small cell, three complements closing a rectangle", "DEFAULT", DEFAULT,
                    "r1: 4 20 30 / r2: 25 40 35 / r3: 30 22 50", () -> grid(3, 4, 20, 30, 25, 40, 35, 30, 22, 50),
                    Map.of("r1|c1", "SUPPRESS below_threshold", "r1|c2", "SUPPRESS secondary",
                            "r2|c1", "SUPPRESS secondary", "r2|c2", "SUPPRESS secondary")),
            c("a small row: its cells and its total are suppressed, and a second row with them", "DEFAULT", DEFAULT,
                    "r1: 3 2 0 / r2: 25 30 40 / r3: 20 35 45", () -> grid(3, 3, 2, 0, 25, 30, 40, 20, 35, 45),
                    Map.of("r1|Total", "SUPPRESS below_threshold", "r1|c1", "SUPPRESS below_threshold",
                            "r1|c2", "SUPPRESS below_threshold", "r1|c3", "REVIEW zero",
                            "r3|Total", "SUPPRESS secondary", "r3|c1", "SUPPRESS secondary",
                            "r3|c2", "SUPPRESS secondary")),
            c("a group too large for the linear program (limit 1 here): a cube of four hidden cells proves it",
                    "DEFAULT with auditLimit 1", DEFAULT.withAuditLimit(1), "r1: 4 20 30 / r2: 25 40 35 / r3: 30 22 50",
                    () -> grid(3, 4, 20, 30, 25, 40, 35, 30, 22, 50),
                    Map.of("r1|c1", "SUPPRESS below_threshold", "r1|c2", "SUPPRESS secondary",
                            "r2|c1", "SUPPRESS secondary", "r2|c2", "SUPPRESS secondary")),
            c("(n,k) dominance: two hospitals make 95 % of a category's costs", "DEFAULT (n=2, k=90 %)", DEFAULT,
                    "a: 500, 450 and ten of 5; b: twelve of 100; c: twelve of 50",
                    () -> amounts("a=500,450,5x10", "b=100x12", "c=50x12"),
                    Map.of("a", "SUPPRESS dominance", "c", "SUPPRESS secondary")),
            c("p%: the second-largest could estimate the largest within 10 %", "DEFAULT with (1, 90 %) dominance",
                    DEFAULT.withDominance(1, 90), "a: 500, 480 and ten of 3; b: twelve of 100; c: twelve of 50",
                    () -> amounts("a=500,480,3x10", "b=100x12", "c=50x12"),
                    Map.of("a", "SUPPRESS p_percent", "c", "SUPPRESS secondary")),
            c("a magnitude cell with few contributors fails the threshold and the contributor rules",
                    "DEFAULT", DEFAULT, "a: 500, 60, 10; b: twelve of 100; c: twelve of 50",
                    () -> amounts("a=500,60,10", "b=100x12", "c=50x12"),
                    Map.of("a", "SUPPRESS below_threshold,dominance,p_percent", "c", "SUPPRESS secondary")),
            c("aggregates only: dominance and p% cannot be checked", "DEFAULT", DEFAULT,
                    "amounts a=1000 (12 contributors), b=800 (15)", () -> OutputTable.summing(
                            List.of(Dimension.of("x", "a", "b")), 2).aggregate(12, 1000, "a")
                            .aggregate(15, 800, "b").build(),
                    Map.of("a", "REVIEW contributors_not_checkable", "b", "REVIEW contributors_not_checkable",
                            "Total", "REVIEW contributors_not_checkable")),
            new Case("differencing: an earlier release of the whole population, now without 3 people of a",
                    "DEFAULT", DEFAULT, "earlier a=120, b=80, c=50; now a=117, b=80, c=50",
                    () -> line(117, 80, 50), () -> List.of(released(line(120, 80, 50))),
                    Map.of("a", "SUPPRESS differencing", "Total", "SUPPRESS differencing")),
            new Case("differencing: a difference of at least the threshold is a group large enough", "DEFAULT",
                    DEFAULT, "earlier a=120, b=80, c=50; now a=110, b=80, c=50", () -> line(110, 80, 50),
                    () -> List.of(released(line(120, 80, 50))), Map.of()));

    /** count, NEAREST_5, MIDPOINT_6. */
    static final long[][] ROUNDING = {{0, 0, 0}, {1, 0, 3}, {2, 0, 3}, {3, 5, 3}, {6, 5, 3}, {7, 5, 9}, {8, 10, 9},
            {12, 10, 9}, {13, 15, 15}, {18, 20, 15}, {19, 20, 21}};

    @Test
    void rounds_as_the_table_says() {
        for (long[] r : ROUNDING) {
            assertThat(DisclosureConfig.Rounding.NEAREST_5.apply(r[0])).as("nearest 5 of %d", r[0]).isEqualTo(r[1]);
            assertThat(DisclosureConfig.Rounding.MIDPOINT_6.apply(r[0])).as("midpoint 6 of %d", r[0])
                    .isEqualTo(r[2]);
        }
    }

    @Test
    void the_release_holds_rounded_counts_and_nothing_where_suppressed() {
        Release r = new DisclosureChecks(DisclosureConfig.OPENSAFELY).check(line(7, 23, 48), List.of()).release();
        assertThat(r.value(List.of("a"))).isNaN();
        assertThat(r.value(List.of("b"))).isNaN();
        assertThat(r.value(List.of("c"))).isEqualTo(50);
        assertThat(r.value(List.of("Total"))).isEqualTo(80);
    }

    static Release released(OutputTable t) {
        return new DisclosureChecks(DEFAULT).check(t, List.of()).release();
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checks_as_the_table_says(Case c) {
        DisclosureReport report = new DisclosureChecks(c.config()).check(c.build().get(), c.earlier().get());
        assertThat(findings(report)).isEqualTo(new java.util.TreeMap<>(c.expected()));
    }

    @Test
    void writes_the_reference() throws IOException {
        StringBuilder md = new StringBuilder(DisclosureReference.HEADER);
        md.append(DisclosureReference.profiles());
        md.append(DisclosureReference.reasons());
        md.append("\n## Rounding\n\n| count | NEAREST_5 | MIDPOINT_6 |\n|---|---|---|\n");
        for (long[] r : ROUNDING) {
            md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n");
        }
        md.append("\n## Examples (the spec table)\n\nCells are named by their categories (`Total` for a margin, "
                + "`r1\\|c2` for row r1, column c2). A cell not listed is released as is.\n\n"
                + "| case | rules | table | cells not simply released |\n|---|---|---|---|\n");
        for (Case c : CASES) {
            md.append("| ").append(c.description()).append(" | ").append(c.profile()).append(" | ").append(c.table())
                    .append(" | ").append(c.expected().isEmpty() ? "none" : new java.util.TreeMap<>(c.expected())
                            .entrySet().stream().map(e -> "`" + e.getKey().replace("|", "\\|") + "` " + e.getValue())
                            .collect(java.util.stream.Collectors.joining("; ")))
                    .append(" |\n");
        }
        Path file = Path.of("..", "docs", "reference", "disclosure-rules.md");
        Files.writeString(file, md.toString());
        assertThat(file).content().contains("margins reveal a suppressed cell");
    }
}
