package eu.guichet.dataplane.disclosure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import eu.guichet.dataplane.disclosure.IntervalAttacker.Interval;

/** Random tables and a brute-force attacker, for the attacker tests. */
final class Attacks {

    private Attacks() {
    }

    static long[] randomCounts(Random random, int n) {
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            counts[i] = kind == 0 ? 0 : kind <= 3 ? 1 + random.nextInt(9) : 10 + random.nextInt(60);
        }
        return counts;
    }

    static double[] values(OutputTable t) {
        double[] v = new double[t.shape().cells()];
        for (int c = 0; c < v.length; c++) {
            v[c] = t.value(c);
        }
        return v;
    }

    /** Min and max of each hidden cell over every integer completion in [0, bound] satisfying all relations. */
    static Map<Integer, Interval> bruteForce(TableShape shape, double[] released, List<Integer> hidden, int bound) {
        double[] lo = new double[hidden.size()];
        double[] hi = new double[hidden.size()];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        int[] x = new int[hidden.size()];
        double[] v = released.clone();
        while (true) {
            for (int i = 0; i < x.length; i++) {
                v[hidden.get(i)] = x[i];
            }
            boolean[] ok = {true};
            shape.forEachRelation((total, members, n) -> {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += v[members[i]];
                }
                ok[0] &= s == v[total];
            });
            if (ok[0]) {
                for (int i = 0; i < x.length; i++) {
                    lo[i] = Math.min(lo[i], x[i]);
                    hi[i] = Math.max(hi[i], x[i]);
                }
            }
            int i = 0;
            while (i < x.length && x[i] == bound) {
                x[i++] = 0;
            }
            if (i == x.length) {
                break;
            }
            x[i]++;
        }
        Map<Integer, Interval> out = new java.util.HashMap<>();
        for (int i = 0; i < x.length; i++) {
            out.put(hidden.get(i), new Interval(lo[i], hi[i]));
        }
        return out;
    }
}
