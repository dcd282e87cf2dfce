package eu.guichet.dataplane.disclosure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of the checks for every cell of one table — its reasons, its outcome (the most severe of its reasons'),
 * and what would be released: the value, rounded if the rules round, nothing where hidden.
 */
public final class DisclosureReport {

    private static final Reason[] REASONS = Reason.values();

    private final OutputTable table;
    private final DisclosureConfig config;
    private final int[] reasons;
    private int hiddenCount;

    DisclosureReport(OutputTable table, DisclosureConfig config) {
        this.table = table;
        this.config = config;
        this.reasons = new int[table.shape().cells()];
    }

    public OutputTable table() {
        return table;
    }

    void add(int cell, Reason r) {
        boolean was = hidden(cell);
        reasons[cell] |= r.bit();
        if (!was && hidden(cell)) {
            hiddenCount++;
        }
    }

    /** How many cells are hidden. */
    public int hiddenCount() {
        return hiddenCount;
    }

    /** Clears a reason that does not hide (the count of hidden cells stays right). */
    void clear(Reason r) {
        for (int c = 0; c < reasons.length; c++) {
            reasons[c] &= ~r.bit();
        }
    }

    public boolean has(int cell, Reason r) {
        return (reasons[cell] & r.bit()) != 0;
    }

    public Set<Reason> reasons(int cell) {
        Set<Reason> s = EnumSet.noneOf(Reason.class);
        for (Reason r : REASONS) {
            if (has(cell, r)) {
                s.add(r);
            }
        }
        return s;
    }

    public Outcome outcome(int cell) {
        Outcome o = Outcome.PASS;
        for (Reason r : REASONS) {
            if (has(cell, r) && r.outcome().compareTo(o) > 0) {
                o = r.outcome();
            }
        }
        return o;
    }

    public Outcome outcome(String... labels) {
        return outcome(table.shape().cell(labels));
    }

    public boolean hidden(int cell) {
        int suppressing = Reason.BELOW_THRESHOLD.bit() | Reason.DOMINANCE.bit() | Reason.P_PERCENT.bit()
                | Reason.DIFFERENCING.bit() | Reason.SECONDARY.bit();
        return (reasons[cell] & suppressing) != 0;
    }

    /** Suppressed by a rule of its own (not to protect another cell). */
    boolean primary(int cell) {
        return hidden(cell) && (reasons[cell] & ~Reason.SECONDARY.bit() & ~Reason.NOT_AUDITED.bit()
                & ~Reason.ZERO.bit() & ~Reason.ROUNDED.bit() & ~Reason.CONTRIBUTORS_NOT_CHECKABLE.bit()) != 0;
    }

    /** Each cell's exact value, NaN where hidden (what the attacker audit works on). */
    double[] exactRelease() {
        double[] v = new double[reasons.length];
        for (int c = 0; c < v.length; c++) {
            v[c] = hidden(c) ? Double.NaN : table.value(c);
        }
        return v;
    }

    /** What is released: each cell's value, rounded when the rules round counts, NaN where hidden. */
    public Release release() {
        double[] v = exactRelease();
        if (!table.magnitude()) {
            for (int c = 0; c < v.length; c++) {
                if (!Double.isNaN(v[c])) {
                    v[c] = config.rounding().apply((long) v[c]);
                }
            }
        }
        return new Release(table.shape(), v);
    }

    /** The release and, to keep inside the secure environment for later checks, the true values of its hidden cells. */
    public KeptRelease kept() {
        double[] hiddenValues = new double[reasons.length];
        for (int c = 0; c < hiddenValues.length; c++) {
            hiddenValues[c] = hidden(c) ? table.value(c) : Double.NaN;
        }
        return new KeptRelease(release(), hiddenValues);
    }

    /** Every cell that is not simply released, in cell order. */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (int c = 0; c < reasons.length; c++) {
            if (reasons[c] != 0) {
                out.add(new Finding(table.shape().labels(c), outcome(c), List.copyOf(reasons(c))));
            }
        }
        return out;
    }

    /** How many cells have each outcome. */
    public Map<Outcome, Integer> summary() {
        Map<Outcome, Integer> m = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            m.put(o, 0);
        }
        for (int c = 0; c < reasons.length; c++) {
            m.merge(outcome(c), 1, Integer::sum);
        }
        return m;
    }
}
