package org.sanimap.engine.siting;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The greedy set covering heuristic (Chvátal 1979) on a {@link ReducedProblem}: repeatedly open the
 * site that covers the most still-uncovered rows (full covering, every row counts 1) or the most
 * uncovered weight (partial covering, until the required weight is reached), then drop sites that
 * became redundant, last opened first. Gains are evaluated lazily (Minoux 1978, "Accelerated greedy
 * algorithms for maximizing submodular set functions"): the same sites as the plain greedy, in
 * O(pairs x log columns) time for the usual instance instead of O(sites opened x pairs).
 */
final class LscpGreedy {

    private LscpGreedy() {
    }

    /**
     * @param requiredWeight weight that must be covered; {@code Double.NaN} for every row
     * @return reduced column indexes, or null when the required weight cannot be reached
     */
    static int[] solve(ReducedProblem m, double requiredWeight) {
        boolean full = Double.isNaN(requiredWeight);
        int[] coverCount = new int[m.rowCount()];
        boolean[] open = new boolean[m.colCount()];
        List<Integer> opened = new ArrayList<>();
        double covered = 0;
        int uncoveredRows = m.rowCount();
        // lazy evaluation: a column's gain only falls as others open, so a stale gain is an upper bound, and
        // the heap's top, once its gain is recomputed and still on top, is the best column (ties: lowest index)
        PriorityQueue<double[]> heap = new PriorityQueue<>(Math.max(1, open.length),
                (a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int j = 0; j < open.length; j++) {
            double g = gain(m, j, coverCount, full);
            if (g > 0) {
                heap.add(new double[] {g, j});
            }
        }
        while (full ? uncoveredRows > 0 : covered < requiredWeight - 1e-9) {
            int best = -1;
            while (!heap.isEmpty()) {
                double[] top = heap.poll();
                double g = gain(m, (int) top[1], coverCount, full);
                if (g <= 0) {
                    continue;
                }
                double[] next = heap.peek();
                if (next == null || g > next[0] || (g == next[0] && top[1] < next[1])) {
                    best = (int) top[1];
                    break;
                }
                top[0] = g;
                heap.add(top);
            }
            if (best < 0) {
                return null;
            }
            open[best] = true;
            opened.add(best);
            for (int r : m.colRows[best]) {
                if (coverCount[r]++ == 0) {
                    covered += m.rowWeight[r];
                    uncoveredRows--;
                }
            }
        }
        // redundancy: a site whose rows are all covered twice (full) or whose loss keeps the target
        for (int k = opened.size() - 1; k >= 0; k--) {
            int j = opened.get(k);
            double loss = 0;
            boolean needed = false;
            for (int r : m.colRows[j]) {
                if (coverCount[r] == 1) {
                    needed = true;
                    loss += m.rowWeight[r];
                }
            }
            if (full ? !needed : covered - loss >= requiredWeight - 1e-9) {
                open[j] = false;
                covered -= loss;
                for (int r : m.colRows[j]) {
                    coverCount[r]--;
                }
                opened.remove(k);
            }
        }
        return opened.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Rows (full covering) or weight (partial) that column j would newly cover. */
    private static double gain(ReducedProblem m, int j, int[] coverCount, boolean full) {
        double g = 0;
        for (int r : m.colRows[j]) {
            if (coverCount[r] == 0) {
                g += full ? 1 : m.rowWeight[r];
            }
        }
        return g;
    }
}
