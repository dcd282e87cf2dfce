package eu.guichet.dataplane.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.dataplane.disclosure.Dimension;
import eu.guichet.dataplane.disclosure.DisclosureChecks;
import eu.guichet.dataplane.disclosure.DisclosureConfig;
import eu.guichet.dataplane.disclosure.DisclosureReport;
import eu.guichet.dataplane.disclosure.IntervalAttacker;
import eu.guichet.dataplane.disclosure.KeptRelease;
import eu.guichet.dataplane.disclosure.Outcome;
import eu.guichet.dataplane.disclosure.OutputTable;
import eu.guichet.dataplane.disclosure.OutputTableBuilder;
import eu.guichet.dataplane.disclosure.TableShape;

/**
 * Disclosure checks on a three-way table of side³ inner cells (default 100³ = 1M, 101³ with margins), seeded: a
 * frequency table from aggregates (a share of small cells and zeros), a magnitude table from contributor rows
 * (one or a few contributors per cell, grouped by contributor). Prints the time of each step; no assertion.
 *
 * <pre>mvn -B -ntp -o -pl guichet-dataplane test -Dtest=DisclosureChecksBench -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dsynthea.skip [-Dbench.side=100 -Dbench.small=0.02]</pre>
 */
@Tag("bench")
class DisclosureChecksBench {

    static final int SIDE = Integer.getInteger("bench.side", 100);
    static final double SMALL = Double.parseDouble(System.getProperty("bench.small", "0.02"));

    @Test
    void a_million_cells() {
        List<Dimension> dims = List.of(dimension("a"), dimension("b"), dimension("c"));
        Random random = new Random(1);
        long t0 = System.nanoTime();
        OutputTable counts = frequencies(dims, random, 0);
        double buildCounts = seconds(t0);

        t0 = System.nanoTime();
        OutputTable amounts = amounts(dims, random);
        double buildAmounts = seconds(t0);

        DisclosureChecks checks = new DisclosureChecks(DisclosureConfig.DEFAULT);
        t0 = System.nanoTime();
        DisclosureReport report = checks.primary(counts);
        double primaryCounts = seconds(t0);
        String primarySummary = summary(report);

        t0 = System.nanoTime();
        DisclosureReport amountsReport = checks.primary(amounts);
        double primaryAmounts = seconds(t0);

        KeptRelease earlier = checks.check(frequencies(dims, new Random(1), 0), List.of()).kept();
        OutputTable later = frequencies(dims, new Random(1), 0.001);
        t0 = System.nanoTime();
        DisclosureReport laterReport = checks.primary(later);
        List<IntervalAttacker.Layer> layers = checks.differencing(later,
                List.of(KeptRelease.withoutHiddenValues(earlier.release())), laterReport);
        double differencing = seconds(t0);
        String differencingSummary = summary(laterReport);

        t0 = System.nanoTime();
        checks.secondary(counts, report, List.of());
        double secondary = seconds(t0);

        t0 = System.nanoTime();
        checks.secondary(later, laterReport, layers);
        double secondaryWithEarlier = seconds(t0);

        DisclosureReport keptReport = checks.primary(later);
        List<IntervalAttacker.Layer> keptLayers = checks.differencing(later, List.of(earlier), keptReport);
        t0 = System.nanoTime();
        checks.secondary(later, keptReport, keptLayers);
        double secondaryWithKept = seconds(t0);

        TableShape shape = counts.shape();
        System.out.printf("%n| step | cells | seconds | outcome |%n|---|---|---|---|%n");
        System.out.printf("| build frequency table from aggregates (margins summed) | %d | %.2f | |%n", shape.cells(),
                buildCounts);
        System.out.printf("| build magnitude table from contributor rows | %d | %.2f | |%n", shape.cells(),
                buildAmounts);
        System.out.printf("| primary checks, frequency (threshold, zeros) | %d | %.3f | %s |%n", shape.cells(),
                primaryCounts, primarySummary);
        System.out.printf("| primary checks, magnitude (threshold, dominance, p%%) | %d | %.3f | %s |%n",
                shape.cells(), primaryAmounts, amountsReport.summary());
        System.out.printf("| differencing against one earlier release (+ primary) | %d | %.3f | %s |%n",
                shape.cells(), differencing, differencingSummary);
        System.out.printf("| secondary suppression with LP audit | %d | %.2f | %s |%n", shape.cells(), secondary,
                summary(report));
        System.out.printf("| secondary suppression, earlier release known | %d | %.2f | %s |%n", shape.cells(),
                secondaryWithEarlier, summary(laterReport));
        System.out.printf("| secondary suppression, earlier release with its hidden values kept | %d | %.2f | %s |%n",
                shape.cells(), secondaryWithKept, summary(keptReport));
    }

    private static String summary(DisclosureReport r) {
        Map<Outcome, Integer> s = r.summary();
        long notAudited = r.findings().stream()
                .filter(f -> f.reasons().contains(eu.guichet.dataplane.disclosure.Reason.NOT_AUDITED)).count();
        return s + ", hidden " + r.hiddenCount() + ", not audited " + notAudited;
    }

    static Dimension dimension(String name) {
        String[] c = new String[SIDE];
        for (int i = 0; i < SIDE; i++) {
            c[i] = name + i;
        }
        return Dimension.of(name, c);
    }

    /** Counts: a share SMALL of 1..9, 1 % zeros, the rest 10..200; {@code drift} of cells get 1..5 more. */
    static OutputTable frequencies(List<Dimension> dims, Random random, double drift) {
        OutputTableBuilder b = OutputTable.counting(dims);
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                for (int k = 0; k < SIDE; k++) {
                    double u = random.nextDouble();
                    long n = u < 0.01 ? 0 : u < 0.01 + SMALL ? 1 + random.nextInt(9) : 10 + random.nextInt(190);
                    b.aggregate(n, 0, dims.get(0).categories().get(i), dims.get(1).categories().get(j),
                            dims.get(2).categories().get(k));
                }
            }
        }
        if (drift > 0) {
            // a second pass cannot add to an aggregate; the drift is folded in by rebuilding below
            return frequenciesWithDrift(dims, drift);
        }
        return b.build();
    }

    private static OutputTable frequenciesWithDrift(List<Dimension> dims, double drift) {
        Random random = new Random(1);
        Random extra = new Random(2);
        OutputTableBuilder b = OutputTable.counting(dims);
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                for (int k = 0; k < SIDE; k++) {
                    double u = random.nextDouble();
                    long n = u < 0.01 ? 0 : u < 0.01 + SMALL ? 1 + random.nextInt(9) : 10 + random.nextInt(190);
                    n += extra.nextDouble() < drift ? 1 + extra.nextInt(5) : 0;
                    b.aggregate(n, 0, dims.get(0).categories().get(i), dims.get(1).categories().get(j),
                            dims.get(2).categories().get(k));
                }
            }
        }
        return b.build();
    }

    /** About eleven contributors per cell, each in one cell, values 1..1000 (one in 50 large). */
    static OutputTable amounts(List<Dimension> dims, Random random) {
        OutputTableBuilder b = OutputTable.summing(dims, 2);
        int contributor = 0;
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                for (int k = 0; k < SIDE; k++) {
                    int n = 8 + random.nextInt(8);
                    for (int p = 0; p < n; p++) {
                        double v = random.nextInt(50) == 0 ? 10_000 : 1 + random.nextInt(1000);
                        b.add("p" + contributor++, v, i, j, k);
                    }
                }
            }
        }
        return b.build();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
