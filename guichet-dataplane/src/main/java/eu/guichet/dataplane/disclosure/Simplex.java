package eu.guichet.dataplane.disclosure;

import java.util.Arrays;

/**
 * A small dense simplex over {@code {x >= 0 : A x = b}}: phase one finds a feasible basis once (artificial variables,
 * redundant equations dropped), then each objective is maximised from the last optimal basis. Bland's rule (smallest
 * index enters and leaves) so it never cycles. Sized for the linked groups of hidden cells of one table (hundreds of
 * variables), not for general use.
 */
final class Simplex {

    private static final double EPS = 1e-9;

    private final int n;
    private double[][] rows;
    private int[] basis;

    /** @throws IllegalArgumentException when no x >= 0 satisfies the equations (the released figures contradict) */
    Simplex(double[][] a, double[] b) {
        int m = a.length;
        n = m == 0 ? 0 : a[0].length;
        double[][] t = new double[m][n + m + 1];
        int[] bas = new int[m];
        double[] obj = new double[n + m + 1];
        for (int i = 0; i < m; i++) {
            double sign = b[i] < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                t[i][j] = sign * a[i][j];
                obj[j] += t[i][j];
            }
            t[i][n + i] = 1;
            t[i][n + m] = sign * b[i];
            obj[n + m] += t[i][n + m];
            bas[i] = n + i;
        }
        rows = t;
        basis = bas;
        double scale = 1;
        for (double v : b) {
            scale += Math.abs(v);
        }
        run(obj, n + m, n);
        if (obj[n + m] > 1e-9 * scale) {
            throw new IllegalArgumentException("infeasible");
        }
        dropArtificials(m);
    }

    private void dropArtificials(int m) {
        int kept = 0;
        for (int i = 0; i < rows.length; i++) {
            if (basis[i] >= n) {
                int j = 0;
                while (j < n && Math.abs(rows[i][j]) <= EPS) {
                    j++;
                }
                if (j == n) {
                    continue;
                }
                pivot(i, j, null, n + m);
            }
            kept++;
        }
        double[][] r = new double[kept][];
        int[] bas = new int[kept];
        int k = 0;
        for (int i = 0; i < rows.length; i++) {
            if (basis[i] < n) {
                r[k] = Arrays.copyOf(rows[i], n + 1);
                r[k][n] = rows[i][n + m];
                bas[k++] = basis[i];
            }
        }
        rows = r;
        basis = bas;
    }

    /** The largest value of c·x over the feasible set, {@link Double#POSITIVE_INFINITY} when unbounded. */
    double maximise(double[] c) {
        double[] obj = new double[n + 1];
        System.arraycopy(c, 0, obj, 0, n);
        for (int i = 0; i < rows.length; i++) {
            double cb = c[basis[i]];
            if (cb != 0) {
                for (int j = 0; j <= n; j++) {
                    obj[j] -= cb * rows[i][j];
                }
            }
        }
        return run(obj, n, n) ? -obj[n] : Double.POSITIVE_INFINITY;
    }

    /** Pivots until no reduced cost is positive; false when the objective is unbounded. */
    private boolean run(double[] obj, int rhs, int enterable) {
        while (true) {
            int enter = -1;
            for (int j = 0; j < enterable; j++) {
                if (obj[j] > EPS) {
                    enter = j;
                    break;
                }
            }
            if (enter < 0) {
                return true;
            }
            int leave = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rows.length; i++) {
                double p = rows[i][enter];
                if (p > EPS) {
                    double ratio = rows[i][rhs] / p;
                    if (ratio < best - EPS || (ratio <= best + EPS && leave >= 0 && basis[i] < basis[leave])) {
                        best = Math.min(best, ratio);
                        leave = i;
                    }
                }
            }
            if (leave < 0) {
                return false;
            }
            pivot(leave, enter, obj, rhs);
        }
    }

    private void pivot(int r, int c, double[] obj, int rhs) {
        double[] pr = rows[r];
        double p = pr[c];
        for (int j = 0; j <= rhs; j++) {
            pr[j] /= p;
        }
        pr[c] = 1;
        for (int i = 0; i < rows.length; i++) {
            if (i != r) {
                eliminate(rows[i], pr, c, rhs);
            }
        }
        if (obj != null) {
            eliminate(obj, pr, c, rhs);
        }
        basis[r] = c;
    }

    private static void eliminate(double[] row, double[] pr, int c, int rhs) {
        double f = row[c];
        if (f != 0) {
            for (int j = 0; j <= rhs; j++) {
                row[j] -= f * pr[j];
            }
            row[c] = 0;
        }
    }
}
