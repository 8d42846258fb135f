package org.sanimap.engine.siting;

import java.util.ArrayList;
import java.util.List;

/**
 * The greedy set covering heuristic (Chvátal 1979) on a {@link ReducedProblem}: repeatedly open the
 * site that covers the most still-uncovered rows (full covering, every row counts 1) or the most
 * uncovered weight (partial covering, until the required weight is reached), then drop sites that
 * became redundant, last opened first.
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
        while (full ? uncoveredRows > 0 : covered < requiredWeight - 1e-9) {
            int best = -1;
            double bestGain = 0;
            for (int j = 0; j < open.length; j++) {
                if (open[j]) {
                    continue;
                }
                double g = 0;
                for (int r : m.colRows[j]) {
                    if (coverCount[r] == 0) {
                        g += full ? 1 : m.rowWeight[r];
                    }
                }
                if (g > bestGain) {
                    bestGain = g;
                    best = j;
                }
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
}
