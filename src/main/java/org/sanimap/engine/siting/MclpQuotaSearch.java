package org.sanimap.engine.siting;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A heuristic for the MCLP with caps per group of sites ({@link SitingQuotas}): lazy greedy (the site
 * adding the most uncovered weight among those whose group has room, gains being submodular), then
 * first-improvement swaps (close an open site, open a closed one whose group keeps within its cap)
 * until none improves or the deadline. Works on a {@link ReducedProblem}'s columns. Deterministic.
 */
final class MclpQuotaSearch {

    private static final double EPS = 1e-9;

    private final ReducedProblem m;
    private final int[] colGroup;
    private final int[] caps;
    private final int[] count;
    private final boolean[] open;
    private final int[] used;
    private final int[] stamp;
    private int stampOf;

    private MclpQuotaSearch(ReducedProblem m, int[] colGroup, int[] caps) {
        this.m = m;
        this.colGroup = colGroup;
        this.caps = caps;
        this.count = new int[m.rowCount()];
        this.open = new boolean[m.colCount()];
        this.used = new int[caps.length];
        this.stamp = new int[m.rowCount()];
    }

    /**
     * @param colGroup      each column's group, -1 for none
     * @param caps          each group's most new sites
     * @param deadlineNanos {@link System#nanoTime()} after which the swaps stop
     * @param stop          asked between swaps: true stops them (cancel)
     * @return the open columns, ascending: at most p, each group within its cap
     */
    static int[] solve(ReducedProblem m, int p, int[] colGroup, int[] caps, long deadlineNanos, BooleanSupplier stop) {
        MclpQuotaSearch s = new MclpQuotaSearch(m, colGroup, caps);
        s.greedy(p);
        s.swaps(deadlineNanos, stop);
        if (s.openCount() < p) {
            // swaps may have moved sites out of a full group: room for more there
            s.greedy(p - s.openCount());
            s.swaps(deadlineNanos, stop);
        }
        return ReducedProblem.openColumns(s.open, s.openCount());
    }

    private int openCount() {
        int size = 0;
        for (boolean o : open) {
            size += o ? 1 : 0;
        }
        return size;
    }

    private boolean hasRoom(int col) {
        int g = colGroup[col];
        return g < 0 || used[g] < caps[g];
    }

    private double gain(int col) {
        double g = 0;
        for (int r : m.colRows[col]) {
            if (count[r] == 0) {
                g += m.rowWeight[r];
            }
        }
        return g;
    }

    private void setOpen(int col, boolean value) {
        open[col] = value;
        int d = value ? 1 : -1;
        for (int r : m.colRows[col]) {
            count[r] += d;
        }
        if (colGroup[col] >= 0) {
            used[colGroup[col]] += d;
        }
    }

    private void greedy(int p) {
        // (gain, column): gains only fall as sites open, so a popped entry whose gain still holds is the best
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
                : Double.compare(a[1], b[1]));
        for (int j = 0; j < m.colCount(); j++) {
            if (!open[j]) {
                queue.add(new double[] {gain(j), j});
            }
        }
        int opened = 0;
        while (opened < p && !queue.isEmpty()) {
            double[] top = queue.poll();
            int j = (int) top[1];
            if (!hasRoom(j)) {
                continue; // its group is full, and stays full in the greedy
            }
            double g = gain(j);
            if (g < top[0] - EPS) {
                queue.add(new double[] {g, j});
                continue;
            }
            if (g <= EPS) {
                break;
            }
            setOpen(j, true);
            opened++;
        }
    }

    private void swaps(long deadlineNanos, BooleanSupplier stop) {
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int a = 0; a < m.colCount(); a++) {
                if (!open[a]) {
                    continue;
                }
                if (System.nanoTime() > deadlineNanos || stop.getAsBoolean()) {
                    return;
                }
                double loss = 0;
                stampOf++;
                for (int r : m.colRows[a]) {
                    stamp[r] = stampOf;
                    if (count[r] == 1) {
                        loss += m.rowWeight[r];
                    }
                }
                int best = -1;
                double bestDelta = EPS;
                for (int b = 0; b < m.colCount(); b++) {
                    if (open[b] || !(colGroup[b] == colGroup[a] || hasRoom(b))) {
                        continue;
                    }
                    double g = 0;
                    for (int r : m.colRows[b]) {
                        if (count[r] == 0 || (count[r] == 1 && stamp[r] == stampOf)) {
                            g += m.rowWeight[r];
                        }
                    }
                    if (g - loss > bestDelta) {
                        bestDelta = g - loss;
                        best = b;
                    }
                }
                if (best >= 0) {
                    setOpen(a, false);
                    setOpen(best, true);
                    improved = true;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "MclpQuotaSearch" + Arrays.toString(caps);
    }
}
