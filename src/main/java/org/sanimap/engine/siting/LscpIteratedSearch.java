package org.sanimap.engine.siting;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Iterated local search for full set covering on a {@link ReducedProblem}, for the time the exact
 * search runs beside it: each trial closes a few open sites near one another (a random open site and
 * up to three open sites sharing a row with the sites around it), covers the rows left bare again
 * greedily (the site covering the most bare rows, ties broken at random), then makes the drops and
 * 2-for-1 exchanges of {@link LscpSwapSearch} around the sites it opened. A trial that needs no more
 * sites is kept (moves between covers of the same size let the search drift to where an exchange
 * exists), one that needs more is undone. Each trial costs a few times (sites per row x rows per site)²
 * steps, independent of the instance's size.
 *
 * <p>Deterministic for a seed and a number of trials; the trials done within a time limit vary with
 * the machine.
 */
final class LscpIteratedSearch {

    private static final int MAX_CLOSED = 4;

    private LscpIteratedSearch() {
    }

    /**
     * @param start    ascending reduced columns covering every row, best one that {@link LscpSwapSearch#improve}
     *     has already been run on: the trials make exchanges only around the sites they change
     * @param trials   trials at most
     * @param stop     asked before every trial
     * @param improved told the size of each smaller cover found (may be null)
     * @return the smallest cover found, ascending
     */
    static int[] run(ReducedProblem m, int[] start, long seed, long trials, BooleanSupplier stop, IntConsumer improved) {
        LscpSwapSearch s = new LscpSwapSearch(m, start);
        int[] best = start.clone();
        SplittableRandom random = new SplittableRandom(seed);
        int cols = m.colCount();
        List<Integer> near = new ArrayList<>();
        List<Integer> opened = new ArrayList<>();
        List<Integer> bare = new ArrayList<>();
        List<Integer> queue = new ArrayList<>();
        int[] seen = new int[cols];
        int[] queued = new int[cols];
        int stamp = 0;
        for (long trial = 0; trial < trials && s.size() > 1 && !stop.getAsBoolean(); trial++) {
            int a;
            do {
                a = random.nextInt(cols);
            } while (!s.isOpen(a));
            // the open sites covering a row of a site that shares a row with a
            stamp++;
            near.clear();
            seen[a] = stamp;
            for (int r : m.colRows[a]) {
                for (int c : m.rowCols[r]) {
                    for (int r2 : m.colRows[c]) {
                        for (int b : m.rowCols[r2]) {
                            if (seen[b] != stamp && s.isOpen(b)) {
                                seen[b] = stamp;
                                near.add(b);
                            }
                        }
                    }
                }
            }
            int sizeBefore = s.size();
            int mark = s.mark();
            s.close(a);
            bare.clear();
            collectBare(m, s, a, bare);
            int extra = random.nextInt(Math.min(MAX_CLOSED - 1, near.size()) + 1);
            for (int k = 0; k < extra; k++) {
                int pick = k + random.nextInt(near.size() - k);
                int b = near.get(pick);
                near.set(pick, near.get(k));
                near.set(k, b);
                s.close(b);
                collectBare(m, s, b, bare);
            }
            // cover the bare rows again, most bare rows first
            opened.clear();
            for (int r : bare) {
                while (!s.isCovered(r)) {
                    int bestColumn = -1;
                    int bestGain = 0;
                    int ties = 0;
                    for (int r2 : bare) {
                        if (s.isCovered(r2)) {
                            continue;
                        }
                        for (int c : m.rowCols[r2]) {
                            if (s.isOpen(c)) {
                                continue;
                            }
                            int g = s.uncoveredRowsOf(c);
                            if (g > bestGain) {
                                bestGain = g;
                                bestColumn = c;
                                ties = 1;
                            } else if (g == bestGain && random.nextInt(++ties) == 0) {
                                bestColumn = c;
                            }
                        }
                    }
                    s.open(bestColumn);
                    opened.add(bestColumn);
                }
            }
            // drops and exchanges at the sites opened and the open sites beside them, and again around each
            // site an exchange opens (each move removes a site, so this ends)
            queue.clear();
            stamp++;
            for (int c : opened) {
                enqueueAround(m, s, c, queue, queued, stamp);
            }
            for (int k = 0; k < queue.size(); k++) {
                int b = queue.get(k);
                if (!s.isOpen(b)) {
                    continue;
                }
                int moved = s.moveAt(b);
                if (moved >= 0) {
                    stamp++;
                    enqueueAround(m, s, moved, queue, queued, stamp);
                }
            }
            if (s.size() > sizeBefore) {
                s.undoTo(mark);
                continue;
            }
            s.commit();
            if (s.size() < best.length) {
                best = s.cover();
                if (improved != null) {
                    improved.accept(best.length);
                }
            }
        }
        return best;
    }

    /** Queues open site c and the open sites sharing a row with it, each once per stamp. */
    private static void enqueueAround(ReducedProblem m, LscpSwapSearch s, int c, List<Integer> queue, int[] queued, int stamp) {
        if (queued[c] != stamp) {
            queued[c] = stamp;
            queue.add(c);
        }
        for (int r : m.colRows[c]) {
            for (int b : m.rowCols[r]) {
                if (queued[b] != stamp && s.isOpen(b)) {
                    queued[b] = stamp;
                    queue.add(b);
                }
            }
        }
    }

    /** Adds to {@code bare} the rows of closed site j that no open site covers now. */
    private static void collectBare(ReducedProblem m, LscpSwapSearch s, int j, List<Integer> bare) {
        for (int r : m.colRows[j]) {
            if (!s.isCovered(r)) {
                bare.add(r);
            }
        }
    }
}
