package eu.guichet.bench;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import eu.guichet.dataplane.disclosure.Dimension;
import eu.guichet.dataplane.disclosure.DisclosureChecks;
import eu.guichet.dataplane.disclosure.DisclosureConfig;
import eu.guichet.dataplane.disclosure.DisclosureReport;
import eu.guichet.dataplane.disclosure.KeptRelease;
import eu.guichet.dataplane.disclosure.OutputTable;
import eu.guichet.dataplane.disclosure.OutputTableBuilder;

/**
 * {@link DisclosureChecks} on a seeded three-way frequency table of side³ inner cells (100³ = 1M from a scale of one
 * million up, with margins 1,030,301 cells): 2 % of cells 1–9, 1 % zeros, the rest 10–199 (as
 * {@code DisclosureChecksBench}). Primary checks, the differencing check against an earlier release (the same table
 * before 0.1 % of its cells grew by 1–5), and secondary suppression with its audit. No baseline: the targets are
 * absolute (primary checks under 1 s). The magnitude rules are measured by {@code DisclosureChecksBench}.
 */
final class DisclosureBench {

    private static final double SMALL = 0.02;

    private DisclosureBench() {
    }

    static List<BenchRow> run(BenchContext ctx) throws Exception {
        int side = (int) Math.min(100, Math.cbrt(ctx.rows()));
        List<Dimension> dims = List.of(dimension("a", side), dimension("b", side), dimension("c", side));
        OutputTable counts = frequencies(dims, side, 0);
        OutputTable later = frequencies(dims, side, 0.001);
        DisclosureChecks checks = new DisclosureChecks(DisclosureConfig.DEFAULT);
        KeptRelease earlier = KeptRelease.withoutHiddenValues(checks.check(counts, List.of()).release());
        int cells = counts.shape().cells();
        DisclosureReport[] report = new DisclosureReport[1];
        double primary = Timer.best(1, ctx.rounds(), () -> report[0] = checks.primary(counts));
        double differencing = Timer.best(1, ctx.rounds(),
                () -> checks.differencing(later, List.of(earlier), checks.primary(later)));
        double secondary = Double.MAX_VALUE;
        for (int round = 0; round <= ctx.rounds(); round++) { // round 0 warms up; a fresh report each round
            DisclosureReport r = checks.primary(counts);
            long t0 = System.nanoTime();
            checks.secondary(counts, r, List.of());
            if (round > 0) {
                secondary = Math.min(secondary, (System.nanoTime() - t0) / 1e9);
                report[0] = r;
            }
        }
        String size = String.format(Locale.ROOT, "%,d cells (%d³ + margins)", cells, side);
        return List.of(
                new BenchRow("disclosure", "primary checks (threshold, zeros) of a frequency table", size, primary,
                        Double.NaN, MarkdownTable.rate(cells, primary, "cells/s"),
                        "target < 1 s: " + (primary < 1 ? "met" : "missed")),
                new BenchRow("disclosure", "differencing against one earlier release (with its primary checks)",
                        size, differencing, Double.NaN, MarkdownTable.rate(cells, differencing, "cells/s"),
                        "measured and reported (no target)"),
                new BenchRow("disclosure", "secondary suppression (LP audit of small groups, hypercubes)", size,
                        secondary, Double.NaN, MarkdownTable.rate(cells, secondary, "cells/s"),
                        String.format(Locale.ROOT, "measured and reported (no target); %,d cells hidden",
                                report[0].hiddenCount())));
    }

    private static Dimension dimension(String name, int side) {
        String[] c = new String[side];
        for (int i = 0; i < side; i++) {
            c[i] = name + i;
        }
        return Dimension.of(name, c);
    }

    /** Seeded counts; {@code drift} of the cells get 1–5 more (the later release). */
    private static OutputTable frequencies(List<Dimension> dims, int side, double drift) {
        Random random = new Random(1);
        Random extra = new Random(2);
        OutputTableBuilder b = OutputTable.counting(dims);
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                for (int k = 0; k < side; k++) {
                    double u = random.nextDouble();
                    long n = u < 0.01 ? 0 : u < 0.01 + SMALL ? 1 + random.nextInt(9) : 10 + random.nextInt(190);
                    n += drift > 0 && extra.nextDouble() < drift ? 1 + extra.nextInt(5) : 0;
                    b.aggregate(n, 0, dims.get(0).categories().get(i), dims.get(1).categories().get(j),
                            dims.get(2).categories().get(k));
                }
            }
        }
        return b.build();
    }
}
