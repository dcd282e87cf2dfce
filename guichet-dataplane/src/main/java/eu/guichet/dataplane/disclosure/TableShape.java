package eu.guichet.dataplane.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a table with its dimensions' categories, sub-totals and totals, as one flat index (mixed radix, the
 * last dimension varying fastest), and the table's linear relations: each total or sub-total is the sum of its
 * categories along one dimension, all other coordinates fixed. Those relations are what an attacker uses.
 */
public final class TableShape {

    /** Receives one relation: {@code total = sum of members[0..length)} (the array is reused between calls). */
    public interface RelationVisitor {
        void visit(int total, int[] members, int length);
    }

    private final List<Dimension> dimensions;
    private final int[] size;
    private final int[] stride;
    private final int cells;
    private final List<Map<String, Integer>> slotOf = new ArrayList<>();
    /** Per dimension, per category slot: the sub-total slots containing it, then the total slot. */
    private final int[][][] parents;

    public TableShape(List<Dimension> dimensions) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a table has at least one dimension");
        }
        this.dimensions = List.copyOf(dimensions);
        int k = dimensions.size();
        size = new int[k];
        stride = new int[k];
        parents = new int[k][][];
        long n = 1;
        for (int d = k - 1; d >= 0; d--) {
            Dimension dim = dimensions.get(d);
            size[d] = dim.slots();
            stride[d] = (int) n;
            n *= size[d];
            if (n > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("too many cells");
            }
        }
        cells = (int) n;
        for (int d = 0; d < k; d++) {
            Dimension dim = dimensions.get(d);
            Map<String, Integer> slots = new HashMap<>();
            for (int i = 0; i < dim.categories().size(); i++) {
                slots.put(dim.categories().get(i), i);
            }
            int s = dim.categories().size();
            List<List<Integer>> p = new ArrayList<>();
            dim.categories().forEach(c -> p.add(new ArrayList<>()));
            for (Map.Entry<String, List<String>> sub : dim.subtotals().entrySet()) {
                int slot = s++;
                slots.put(sub.getKey(), slot);
                sub.getValue().forEach(c -> p.get(slots.get(c)).add(slot));
            }
            slots.put(Dimension.TOTAL, dim.totalSlot());
            p.forEach(l -> l.add(dim.totalSlot()));
            slotOf.add(slots);
            parents[d] = p.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        }
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public int cells() {
        return cells;
    }

    public int cell(List<String> labels) {
        if (labels.size() != size.length) {
            throw new IllegalArgumentException("expected " + size.length + " labels");
        }
        int c = 0;
        for (int d = 0; d < size.length; d++) {
            Integer slot = slotOf.get(d).get(labels.get(d));
            if (slot == null) {
                throw new IllegalArgumentException("unknown category of " + dimensions.get(d).name());
            }
            c += slot * stride[d];
        }
        return c;
    }

    public int cell(String... labels) {
        return cell(List.of(labels));
    }

    public List<String> labels(int cell) {
        List<String> l = new ArrayList<>(size.length);
        for (int d = 0; d < size.length; d++) {
            l.add(label(d, coordinate(cell, d)));
        }
        return l;
    }

    String label(int d, int slot) {
        Dimension dim = dimensions.get(d);
        int c = dim.categories().size();
        if (slot < c) {
            return dim.categories().get(slot);
        }
        return slot == dim.totalSlot() ? Dimension.TOTAL : new ArrayList<>(dim.subtotals().keySet()).get(slot - c);
    }

    int coordinate(int cell, int d) {
        return cell / stride[d] % size[d];
    }

    int slot(int d, String label) {
        Integer slot = slotOf.get(d).get(label);
        if (slot == null) {
            throw new IllegalArgumentException("unknown category of " + dimensions.get(d).name());
        }
        return slot;
    }

    int stride(int d) {
        return stride[d];
    }

    int[] parents(int d, int categorySlot) {
        return parents[d][categorySlot];
    }

    /** How many of the cell's coordinates are a sub-total or total (0 for an inner cell). */
    public int level(int cell) {
        int l = 0;
        for (int d = 0; d < size.length; d++) {
            if (coordinate(cell, d) >= dimensions.get(d).categories().size()) {
                l++;
            }
        }
        return l;
    }

    /** Every relation of the table: along each dimension, each sub-total and the total over its categories. */
    public void forEachRelation(RelationVisitor v) {
        int maxMembers = dimensions.stream().mapToInt(x -> x.categories().size()).max().orElse(0);
        int[] members = new int[maxMembers];
        for (int d = 0; d < size.length; d++) {
            Dimension dim = dimensions.get(d);
            int block = size[d] * stride[d];
            int[][] groups = groups(dim);
            for (int outer = 0; outer < cells; outer += block) {
                for (int inner = 0; inner < stride[d]; inner++) {
                    int base = outer + inner;
                    for (int g = 0; g < groups.length; g++) {
                        int[] slots = groups[g];
                        for (int i = 1; i < slots.length; i++) {
                            members[i - 1] = base + slots[i] * stride[d];
                        }
                        v.visit(base + slots[0] * stride[d], members, slots.length - 1);
                    }
                }
            }
        }
    }

    /** The relations a cell takes part in, as total or as member. */
    public void forEachRelationOf(int cell, RelationVisitor v) {
        int maxMembers = dimensions.stream().mapToInt(x -> x.categories().size()).max().orElse(0);
        int[] members = new int[maxMembers];
        for (int d = 0; d < size.length; d++) {
            int slot = coordinate(cell, d);
            int base = cell - slot * stride[d];
            for (int[] group : groups(dimensions.get(d))) {
                boolean in = false;
                for (int s : group) {
                    in |= s == slot;
                }
                if (in) {
                    for (int i = 1; i < group.length; i++) {
                        members[i - 1] = base + group[i] * stride[d];
                    }
                    v.visit(base + group[0] * stride[d], members, group.length - 1);
                }
            }
        }
    }

    /** Per group of a dimension: the total's slot, then its members' slots. */
    private int[][] groups(Dimension dim) {
        List<int[]> g = new ArrayList<>();
        int[] all = new int[dim.categories().size() + 1];
        all[0] = dim.totalSlot();
        for (int i = 0; i < dim.categories().size(); i++) {
            all[i + 1] = i;
        }
        g.add(all);
        int s = dim.categories().size();
        for (List<String> members : dim.subtotals().values()) {
            int[] sub = new int[members.size() + 1];
            sub[0] = s++;
            for (int i = 0; i < members.size(); i++) {
                sub[i + 1] = dim.categories().indexOf(members.get(i));
            }
            g.add(sub);
        }
        return g.toArray(int[][]::new);
    }
}
