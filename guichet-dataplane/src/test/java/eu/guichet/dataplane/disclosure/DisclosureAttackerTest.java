package eu.guichet.dataplane.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.dataplane.disclosure.IntervalAttacker.Interval;

/**
 * Attacks on what the checks release: for every suppressed cell, the attacker computes by linear programming the
 * values consistent with the released cells, margins, sub-totals, three-way margins and earlier releases, and every
 * interval must stay wider than the cell's protection. Tables are random (seeded), with many small cells.
 */
@Tag("unit")
class DisclosureAttackerTest {

    private static final DisclosureConfig RULES = DisclosureConfig.DEFAULT;

    @Test
    void the_attacker_recovers_a_cell_suppressed_alone_from_the_total() {
        OutputTable t = Tables.line(25, 4, 30);
        double[] released = Attacks.values(t);
        released[t.shape().cell("b")] = Double.NaN;
        assertThat(IntervalAttacker.attack(t.shape(), released, 100))
                .containsEntry(t.shape().cell("b"), new Interval(4, 4));
    }

    @Test
    void the_attacker_recovers_a_row_pair_from_the_columns() {
        OutputTable t = Tables.grid(2, 4, 20, 30, 25, 40, 35);
        double[] released = Attacks.values(t);
        released[t.shape().cell("r1", "c1")] = Double.NaN;
        released[t.shape().cell("r1", "c2")] = Double.NaN;
        Map<Integer, Interval> got = IntervalAttacker.attack(t.shape(), released, 100);
        assertThat(got.get(t.shape().cell("r1", "c1"))).isEqualTo(new Interval(4, 4));
        assertThat(got.get(t.shape().cell("r1", "c2"))).isEqualTo(new Interval(20, 20));
    }

    @Test
    void nothing_bounds_a_cell_when_its_total_is_hidden_too() {
        OutputTable t = Tables.line(25, 4, 30);
        double[] released = Attacks.values(t);
        released[t.shape().cell("b")] = Double.NaN;
        released[t.shape().cell(Dimension.TOTAL)] = Double.NaN;
        assertThat(IntervalAttacker.attack(t.shape(), released, 100).get(t.shape().cell("b")))
                .isEqualTo(new Interval(0, Double.POSITIVE_INFINITY));
    }

    @Test
    void a_release_that_does_not_add_up_is_refused_by_the_solver() {
        OutputTable t = Tables.line(25, 4, 30);
        double[] released = Attacks.values(t);
        released[t.shape().cell("b")] = Double.NaN;
        released[t.shape().cell("a")] = 100;
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> IntervalAttacker.attack(t.shape(), released, 100))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_attacker_agrees_with_brute_force_on_small_tables() {
        Random random = new Random(7);
        for (int round = 0; round < 60; round++) {
            long[] counts = new long[6];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = random.nextInt(5);
            }
            OutputTable t = Tables.grid(2, counts);
            double[] released = Attacks.values(t);
            List<Integer> hidden = new ArrayList<>();
            int grandTotalCell = t.shape().cell(Dimension.TOTAL, Dimension.TOTAL);
            while (hidden.size() < 4) {
                int c = random.nextInt(t.shape().cells());
                if (!hidden.contains(c) && c != grandTotalCell) {
                    hidden.add(c);
                    released[c] = Double.NaN;
                }
            }
            Map<Integer, Interval> lp = IntervalAttacker.attack(t.shape(), released, 100);
            int grandTotal = (int) t.count(grandTotalCell); // released, so it bounds every cell
            Map<Integer, Interval> brute = Attacks.bruteForce(t.shape(), released, hidden, grandTotal);
            for (int c : hidden) {
                Interval a = lp.get(c);
                Interval b = brute.get(c);
                assertThat(a.low()).as("low of %s in round %d", t.shape().labels(c), round)
                        .isCloseTo(b.low(), org.assertj.core.data.Offset.offset(1e-6));
                assertThat(a.high()).as("high of %s in round %d", t.shape().labels(c), round)
                        .isCloseTo(b.high(), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void no_suppressed_cell_of_a_two_way_table_with_margins_is_recoverable() {
        int attacked = 0;
        Random random = new Random(42);
        for (int round = 0; round < 150; round++) {
            int rows = 2 + random.nextInt(5);
            int cols = 2 + random.nextInt(5);
            OutputTable t = Tables.grid(rows, Attacks.randomCounts(random, rows * cols));
            attacked += assertProtected(new DisclosureChecks(RULES).check(t, List.of()), List.of());
        }
        assertThat(attacked).isGreaterThan(100);
    }

    @Test
    void no_suppressed_amount_of_a_two_way_magnitude_table_is_recoverable() {
        int attacked = 0;
        Random random = new Random(3);
        for (int round = 0; round < 60; round++) {
            Dimension r = Dimension.of("row", Tables.names("r", 2 + random.nextInt(3)));
            Dimension c = Dimension.of("col", Tables.names("c", 2 + random.nextInt(3)));
            OutputTableBuilder b = OutputTable.summing(List.of(r, c), 2);
            int contributors = 20 + random.nextInt(200);
            for (int p = 0; p < contributors; p++) {
                String row = r.categories().get(random.nextInt(r.categories().size()));
                String col = c.categories().get(random.nextInt(c.categories().size()));
                double value = random.nextInt(10) == 0 ? 1000 + random.nextInt(5000) : 1 + random.nextInt(100);
                b.add("p" + p, value, row, col);
            }
            attacked += assertProtected(new DisclosureChecks(RULES).check(b.build(), List.of()), List.of());
        }
        assertThat(attacked).isGreaterThan(30);
    }

    @Test
    void no_suppressed_cell_is_recoverable_from_sub_totals() {
        int attacked = 0;
        Random random = new Random(11);
        for (int round = 0; round < 100; round++) {
            Dimension district = Dimension.of("district", "d1", "d2", "d3", "d4", "d5", "d6")
                    .withSubtotal("North", "d1", "d2", "d3").withSubtotal("South", "d4", "d5")
                    .withSubtotal("Coast", "d3", "d4");
            Dimension sex = Dimension.of("sex", "F", "M");
            OutputTableBuilder b = OutputTable.counting(List.of(district, sex));
            long[] counts = Attacks.randomCounts(random, 12);
            for (int i = 0; i < 12; i++) {
                b.aggregate(counts[i], 0, district.categories().get(i / 2), sex.categories().get(i % 2));
            }
            attacked += assertProtected(new DisclosureChecks(RULES).check(b.build(), List.of()), List.of());
        }
        assertThat(attacked).isGreaterThan(30);
    }

    @Test
    void no_suppressed_cell_of_a_three_way_table_is_recoverable_from_its_margins() {
        int attacked = 0;
        Random random = new Random(5);
        for (int round = 0; round < 40; round++) {
            Dimension a = Dimension.of("age", Tables.names("a", 2 + random.nextInt(3)));
            Dimension s = Dimension.of("sex", "F", "M");
            Dimension g = Dimension.of("region", Tables.names("g", 2 + random.nextInt(3)));
            OutputTableBuilder b = OutputTable.counting(List.of(a, s, g));
            long[] counts = Attacks.randomCounts(random, a.categories().size() * 2 * g.categories().size());
            int i = 0;
            for (String x : a.categories()) {
                for (String y : s.categories()) {
                    for (String z : g.categories()) {
                        b.aggregate(counts[i++], 0, x, y, z);
                    }
                }
            }
            attacked += assertProtected(new DisclosureChecks(RULES).check(b.build(), List.of()), List.of());
        }
        assertThat(attacked).isGreaterThan(30);
    }

    @Test
    void two_releases_that_differ_by_a_small_group_do_not_reveal_it() {
        int attacked = 0;
        int differenced = 0;
        Random random = new Random(13);
        for (int round = 0; round < 100; round++) {
            int rows = 2 + random.nextInt(3);
            int cols = 2 + random.nextInt(3);
            long[] before = Attacks.randomCounts(random, rows * cols);
            long[] now = before.clone();
            for (int i = 0; i < now.length; i++) {
                now[i] += random.nextInt(3) == 0 ? random.nextInt(6) : 0;
            }
            DisclosureChecks checks = new DisclosureChecks(RULES);
            Release earlier = checks.check(Tables.grid(rows, before), List.of()).release();
            OutputTable t = Tables.grid(rows, now);
            DisclosureReport report = checks.check(t, List.of(earlier));
            Release released = report.release();
            double[] values = new double[t.shape().cells()];
            boolean[] present = new boolean[values.length];
            for (int c = 0; c < values.length; c++) {
                values[c] = earlier.value(c);
                present[c] = true;
                if (!earlier.hidden(c) && !released.hidden(c)) {
                    double group = released.value(c) - earlier.value(c);
                    assertThat(group == 0 || group >= RULES.minimumCount())
                            .as("released difference of %s in round %d", t.shape().labels(c), round).isTrue();
                }
            }
            attacked += assertProtected(report, List.of(new IntervalAttacker.Layer(values, present, 1, true)));
            differenced += (int) java.util.stream.IntStream.range(0, values.length)
                    .filter(c -> report.has(c, Reason.DIFFERENCING)).count();
        }
        assertThat(attacked).isGreaterThan(100);
        assertThat(differenced).isGreaterThan(30);
    }

    @Test
    void an_attacker_of_both_releases_at_once_does_not_isolate_the_group_either() {
        Random random = new Random(17);
        int attacked = 0;
        for (int round = 0; round < 100; round++) {
            int rows = 2 + random.nextInt(3);
            int cols = 2 + random.nextInt(3);
            long[] before = Attacks.randomCounts(random, rows * cols);
            long[] now = before.clone();
            int direction = round % 2 == 0 ? 1 : -1;
            for (int i = 0; i < now.length; i++) {
                long change = random.nextInt(3) == 0 ? random.nextInt(6) : 0;
                now[i] = Math.max(0, now[i] + direction * change);
            }
            DisclosureChecks checks = new DisclosureChecks(RULES);
            Release earlier = checks.check(Tables.grid(rows, before), List.of()).release();
            OutputTable t = Tables.grid(rows, now);
            DisclosureReport report = checks.check(t, List.of(earlier));
            Map<Integer, NestedReleasesAttacker.Bounds> bounds = NestedReleasesAttacker.attack(t.shape(), earlier,
                    report.release(), direction);
            for (int c = 0; c < t.shape().cells(); c++) {
                if (report.primary(c)) {
                    NestedReleasesAttacker.Bounds b = bounds.get(c);
                    assertThat(b.now().width()).as("%s in round %d: %s", t.shape().labels(c), round,
                            Tables.findings(report)).isGreaterThanOrEqualTo(RULES.minimumCount() - 1e-6);
                    if (report.has(c, Reason.DIFFERENCING)) {
                        assertThat(b.difference().width()).as("difference of %s in round %d",
                                t.shape().labels(c), round).isGreaterThanOrEqualTo(RULES.minimumCount() - 1e-6);
                    }
                    attacked++;
                }
            }
        }
        assertThat(attacked).isGreaterThan(100);
    }

    @Test
    void cells_of_groups_too_large_for_the_linear_program_are_protected_by_cubes() {
        Random random = new Random(23);
        DisclosureConfig smallAudits = RULES.withAuditLimit(1);
        int attacked = 0;
        for (int round = 0; round < 60; round++) {
            Dimension a = Dimension.of("age", Tables.names("a", 3 + random.nextInt(4)));
            Dimension s = Dimension.of("sex", "F", "M", "X");
            Dimension g = Dimension.of("region", Tables.names("g", 3 + random.nextInt(4)));
            OutputTableBuilder b = OutputTable.counting(List.of(a, s, g));
            long[] counts = Attacks.randomCounts(random, a.categories().size() * 3 * g.categories().size());
            int i = 0;
            for (String x : a.categories()) {
                for (String y : s.categories()) {
                    for (String z : g.categories()) {
                        b.aggregate(counts[i++], 0, x, y, z);
                    }
                }
            }
            DisclosureReport report = new DisclosureChecks(smallAudits).check(b.build(), List.of());
            Map<Integer, Interval> intervals = IntervalAttacker.attack(report.table().shape(),
                    report.release().values(), Integer.MAX_VALUE);
            for (int c = 0; c < report.table().shape().cells(); c++) {
                if (report.primary(c) && !report.has(c, Reason.NOT_AUDITED)) {
                    assertThat(intervals.get(c).width()).as("%s in round %d", report.table().shape().labels(c),
                            round).isGreaterThanOrEqualTo(RULES.minimumCount() - 1e-6);
                    attacked++;
                }
                if (report.has(c, Reason.NOT_AUDITED)) {
                    assertThat(report.outcome(c)).isEqualTo(Outcome.SUPPRESS);
                }
            }
        }
        assertThat(attacked).isGreaterThan(300);
    }

    @Test
    void cubes_proved_with_an_earlier_release_kept_by_the_hdab_hold_against_the_joint_attacker() {
        Random random = new Random(29);
        DisclosureChecks checks = new DisclosureChecks(RULES.withAuditLimit(1));
        int attacked = 0;
        for (int round = 0; round < 80; round++) {
            int rows = 3 + random.nextInt(3);
            int cols = 3 + random.nextInt(3);
            long[] before = Attacks.randomCounts(random, rows * cols);
            long[] now = before.clone();
            int direction = round % 2 == 0 ? 1 : -1;
            for (int i = 0; i < now.length; i++) {
                long change = random.nextInt(4) == 0 ? random.nextInt(6) : 0;
                now[i] = Math.max(0, now[i] + direction * change);
            }
            KeptRelease earlier = checks.check(Tables.grid(rows, before), List.of()).kept();
            OutputTable t = Tables.grid(rows, now);
            DisclosureReport report = checks.checkAgainst(t, List.of(earlier));
            Map<Integer, NestedReleasesAttacker.Bounds> bounds = NestedReleasesAttacker.attack(t.shape(),
                    earlier.release(), report.release(), direction);
            for (int c = 0; c < t.shape().cells(); c++) {
                if (report.primary(c) && !report.has(c, Reason.NOT_AUDITED)) {
                    NestedReleasesAttacker.Bounds b = bounds.get(c);
                    assertThat(b.now().width()).as("%s in round %d", t.shape().labels(c), round)
                            .isGreaterThanOrEqualTo(RULES.minimumCount() - 1e-6);
                    if (report.has(c, Reason.DIFFERENCING)) {
                        assertThat(b.difference().width()).as("difference of %s in round %d",
                                t.shape().labels(c), round).isGreaterThanOrEqualTo(RULES.minimumCount() - 1e-6);
                    }
                    attacked++;
                }
            }
        }
        assertThat(attacked).isGreaterThan(150);
    }

    /** Every primary cell's interval at least its protection, with the attacker knowing the given bounds. */
    static int assertProtected(DisclosureReport report, List<IntervalAttacker.Layer> earlier) {
        OutputTable t = report.table();
        Map<Integer, Interval> intervals = IntervalAttacker.attack(t.shape(), report.release().values(), earlier,
                Integer.MAX_VALUE);
        int protectedCells = 0;
        for (int c = 0; c < t.shape().cells(); c++) {
            assertThat(report.has(c, Reason.NOT_AUDITED)).isFalse();
            if (report.primary(c)) {
                double need = t.magnitude() ? Math.max(1, RULES.pPercent() / 100 * t.sum(c)) : RULES.minimumCount();
                assertThat(intervals.get(c).width()).as("interval of %s (value %s) in %s", t.shape().labels(c),
                        t.value(c), Tables.findings(report)).isGreaterThanOrEqualTo(need - 1e-6);
                protectedCells++;
            }
        }
        return protectedCells;
    }
}
