package org.sanimap.engine.siting;

import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The maximal covering heuristic on a {@link ReducedProblem}: greedy adding (Church and ReVelle 1974
 * already used it; covered weight is submodular, so greedy keeps at least 1 − 1/e of the optimum,
 * Nemhauser, Wolsey and Fisher 1978), then swap local search with best improvement (the vertex
 * substitution of Teitz and Bart 1968, evaluated in O(pairs) per pass with the "extra" table of
 * Whitaker 1983 / Resende and Werneck 2007), then an iterated local search (Lourenço, Martin and
 * Stützle 2003): drop a few random sites, refill greedily from the best few, descend again, keep the
 * better. Deterministic for a given seed and iteration count; the time budget only stops it early.
 */
final class MclpLocalSearch {

    private final ReducedProblem m;
    private final int p;
    private final SplittableRandom random;
    private final int[] coverCount;
    private final boolean[] open;
    private final double[] gain;
    private final double[] loss;
    private final double[] extra;
    private final int[] touched;
    private volatile int[] bestSoFar;
    private volatile int roundsDone;

    MclpLocalSearch(ReducedProblem problem, int p, long seed) {
        this.m = problem;
        this.p = Math.min(p, problem.colCount());
        this.random = new SplittableRandom(seed);
        this.coverCount = new int[m.rowCount()];
        this.open = new boolean[m.colCount()];
        this.gain = new double[m.colCount()];
        this.loss = new double[m.colCount()];
        this.extra = new double[m.colCount()];
        this.touched = new int[m.colCount()];
    }

    /** The best selection found: reduced column indexes. */
    int[] run(int iterations, long deadlineNanos) {
        return run(iterations, deadlineNanos, () -> false);
    }

    /** As {@link #run(int, long)}, also stopping when {@code stop} says so. */
    int[] run(int iterations, long deadlineNanos, java.util.function.BooleanSupplier stop) {
        return run(iterations, deadlineNanos, stop, null);
    }

    /** As above, starting from {@code start} (reduced columns) instead of the greedy answer when given. */
    int[] run(int iterations, long deadlineNanos, java.util.function.BooleanSupplier stop, int[] start) {
        if (p == 0) {
            return new int[0];
        }
        if (start != null) {
            resetTo(start);
        }
        greedyFill(0);
        descend();
        int[] best = openColumns();
        double bestValue = coveredWeight();
        bestSoFar = best;
        for (int it = 0; it < iterations && System.nanoTime() < deadlineNanos && !stop.getAsBoolean(); it++) {
            roundsDone = it;
            int[] current = openColumns();
            int drop = Math.min(p, Math.max(2, Math.min(p / 5, 2 + random.nextInt(Math.max(1, p / 8)))));
            if (it % 2 == 0) {
                int[] now = current.clone(); // ascending; a closed site leaves the list, so the draws stay the same
                int left = now.length;
                for (int d = 0; d < drop; d++) {
                    int k = random.nextInt(left);
                    close(now[k]);
                    System.arraycopy(now, k + 1, now, k, left - k - 1);
                    left--;
                }
            } else {
                dropRegion(current[random.nextInt(current.length)], drop);
            }
            greedyFill(3);
            descend();
            double value = coveredWeight();
            if (value > bestValue + 1e-9) {
                bestValue = value;
                best = openColumns();
                bestSoFar = best;
            } else if (value < bestValue - 1e-9) {
                // restart from the best, not the worse neighbour
                resetTo(best);
            } else if (!Arrays.equals(current, openColumns())) {
                best = openColumns(); // equal value: move on the plateau
                bestSoFar = best;
            }
        }
        return best;
    }

    /**
     * Closes {@code site} and up to {@code count - 1} open sites near it: those covering a row that a
     * site sharing a row with {@code site} covers (two steps through shared demand).
     */
    private void dropRegion(int site, int count) {
        java.util.Set<Integer> near = new java.util.LinkedHashSet<>();
        for (int r : m.colRows[site]) {
            for (int c : m.rowCols[r]) {
                for (int r2 : m.colRows[c]) {
                    for (int c2 : m.rowCols[r2]) {
                        if (open[c2] && c2 != site) {
                            near.add(c2);
                        }
                    }
                }
            }
        }
        close(site);
        List<Integer> list = new java.util.ArrayList<>(near);
        for (int k = list.size() - 1; k > 0; k--) {
            int swap = random.nextInt(k + 1);
            int t = list.get(k);
            list.set(k, list.get(swap));
            list.set(swap, t);
        }
        for (int k = 0; k < Math.min(count - 1, list.size()); k++) {
            close(list.get(k));
        }
    }

    /**
     * The best selection of a running search so far (another thread may ask), null before its first
     * descent ends.
     */
    int[] bestSoFar() {
        return bestSoFar;
    }

    /** How many iterated rounds a running search has completed (another thread may ask). */
    int roundsDone() {
        return roundsDone;
    }

    double coveredWeight() {
        double sum = 0;
        for (int r = 0; r < coverCount.length; r++) {
            if (coverCount[r] > 0) {
                sum += m.rowWeight[r];
            }
        }
        return sum;
    }

    private void resetTo(int[] columns) {
        Arrays.fill(open, false);
        Arrays.fill(coverCount, 0);
        for (int j : columns) {
            openColumn(j);
        }
    }

    private int[] openColumns() {
        int[] out = new int[p];
        int k = 0;
        for (int j = 0; j < open.length && k < out.length; j++) {
            if (open[j]) {
                out[k++] = j;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private int openCount() {
        int k = 0;
        for (boolean b : open) {
            if (b) {
                k++;
            }
        }
        return k;
    }

    private void openColumn(int j) {
        open[j] = true;
        for (int r : m.colRows[j]) {
            coverCount[r]++;
        }
    }

    private void close(int j) {
        open[j] = false;
        for (int r : m.colRows[j]) {
            coverCount[r]--;
        }
    }

    /** Adds sites until p are open: the best gain (lazy greedy), or one of the best {@code spread}. */
    private void greedyFill(int spread) {
        int missing = p - openCount();
        if (missing <= 0) {
            return;
        }
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int j = 0; j < open.length; j++) {
            if (!open[j]) {
                queue.add(new double[] {uncoveredGain(j), j});
            }
        }
        while (missing > 0 && !queue.isEmpty()) {
            int pickFrom = spread > 0 ? 1 + random.nextInt(spread) : 1;
            double[][] fresh = new double[pickFrom][];
            int got = 0;
            while (got < pickFrom && !queue.isEmpty()) {
                double[] top = queue.poll();
                int j = (int) top[1];
                double now = uncoveredGain(j);
                if (now < top[0] - 1e-9) {
                    queue.add(new double[] {now, j});
                    continue;
                }
                fresh[got++] = top;
            }
            if (got == 0) {
                break;
            }
            int pick = got - 1;
            openColumn((int) fresh[pick][1]);
            for (int k = 0; k < got; k++) {
                if (k != pick) {
                    queue.add(fresh[k]);
                }
            }
            missing--;
        }
    }

    private double uncoveredGain(int j) {
        double g = 0;
        for (int r : m.colRows[j]) {
            if (coverCount[r] == 0) {
                g += m.rowWeight[r];
            }
        }
        return g;
    }

    /** Best-improvement swaps until none improves. */
    private void descend() {
        Integer[] order = new Integer[m.colCount()];
        while (true) {
            Arrays.fill(gain, 0);
            Arrays.fill(loss, 0);
            for (int r = 0; r < coverCount.length; r++) {
                if (coverCount[r] == 0) {
                    for (int a : m.rowCols[r]) {
                        gain[a] += m.rowWeight[r];
                    }
                } else if (coverCount[r] == 1) {
                    for (int j : m.rowCols[r]) {
                        if (open[j]) {
                            loss[j] += m.rowWeight[r];
                            break;
                        }
                    }
                }
            }
            int closedCount = 0;
            for (int a = 0; a < open.length; a++) {
                if (!open[a]) {
                    order[closedCount++] = a;
                }
            }
            Arrays.sort(order, 0, closedCount, (x, y) -> Double.compare(gain[y], gain[x]));
            double bestDelta = 1e-9;
            int bestOut = -1;
            int bestIn = -1;
            for (int j = 0; j < open.length; j++) {
                if (!open[j]) {
                    continue;
                }
                int touchedCount = 0;
                for (int r : m.colRows[j]) {
                    if (coverCount[r] != 1) {
                        continue;
                    }
                    for (int a : m.rowCols[r]) {
                        if (a != j) {
                            if (extra[a] == 0) {
                                touched[touchedCount++] = a;
                            }
                            extra[a] += m.rowWeight[r];
                        }
                    }
                }
                double best = Double.NEGATIVE_INFINITY;
                int bestA = -1;
                for (int k = 0; k < touchedCount; k++) {
                    int a = touched[k];
                    if (!open[a] && gain[a] + extra[a] > best) {
                        best = gain[a] + extra[a];
                        bestA = a;
                    }
                }
                for (int k = 0; k < closedCount; k++) {
                    int a = order[k];
                    if (extra[a] == 0) {
                        if (gain[a] > best) {
                            best = gain[a];
                            bestA = a;
                        }
                        break;
                    }
                }
                for (int k = 0; k < touchedCount; k++) {
                    extra[touched[k]] = 0;
                }
                if (bestA >= 0 && best - loss[j] > bestDelta) {
                    bestDelta = best - loss[j];
                    bestOut = j;
                    bestIn = bestA;
                }
            }
            if (bestOut < 0) {
                return;
            }
            close(bestOut);
            openColumn(bestIn);
        }
    }
}
