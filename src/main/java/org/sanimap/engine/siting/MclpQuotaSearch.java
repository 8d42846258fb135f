package org.sanimap.engine.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A heuristic for the MCLP with caps per group of sites ({@link SitingQuotas}) and conflicts between sites too
 * close together ({@link SitingSpacing}), on a {@link ReducedProblem}'s columns: greedy (the site adding the most
 * uncovered weight among those whose group has room and that conflict with no open site), best-improvement swaps
 * per open site (close it, open the closed site adding the most, of its group or of one with room, conflicting
 * with no other open site), then an iterated local search: each round closes a tenth of the open sites at random,
 * refills greedily without them (every other round without the sites sharing demand with them either), and
 * descends again; the best answer is kept. What each closed site would add is kept up to date as sites open and
 * close, so a swap costs a scan of the sites plus the neighbourhood of the site closed. Repeatable for a seed.
 */
final class MclpQuotaSearch {

    private static final double EPS = 1e-9;

    private final ReducedProblem m;
    private final int[] colGroup;
    private final int[] caps;
    /** Open columns covering each row. */
    private final int[] count;
    /** For each column, the weight of the uncovered rows it covers. */
    private final double[] gain;
    private final boolean[] open;
    private final int[] used;
    private final double[] extra;
    /** For each column, the columns it may not be open with (empty without spacing). */
    private final int[][] conflicts;
    /** For each column, how many open columns it conflicts with. */
    private final int[] blocked;
    private final int[] conflictStamp;
    private int stampOf;
    private int openCount;

    private MclpQuotaSearch(ReducedProblem m, int[] colGroup, int[] caps, int[][] conflicts) {
        this.m = m;
        this.colGroup = colGroup;
        this.caps = caps;
        this.conflicts = conflicts == null ? new int[m.colCount()][0] : conflicts;
        this.blocked = new int[m.colCount()];
        this.conflictStamp = new int[m.colCount()];
        this.count = new int[m.rowCount()];
        this.gain = new double[m.colCount()];
        this.open = new boolean[m.colCount()];
        this.used = new int[caps.length];
        this.extra = new double[m.colCount()];
        for (int j = 0; j < gain.length; j++) {
            for (int r : m.colRows[j]) {
                gain[j] += m.rowWeight[r];
            }
        }
    }

    /**
     * @param colGroup      each column's group, -1 for none
     * @param caps          each group's most new sites
     * @param conflicts     for each column, the columns it may not be open with; null for none
     * @param rounds        rounds of the iterated local search after the first descent
     * @param deadlineNanos {@link System#nanoTime()} after which the search stops with its best
     * @param stop          asked between steps: true stops them (cancel)
     * @return the open columns, ascending: at most p, each group within its cap
     */
    static int[] solve(ReducedProblem m, int p, int[] colGroup, int[] caps, int[][] conflicts, int rounds, long seed,
            long deadlineNanos, BooleanSupplier stop) {
        MclpQuotaSearch s = new MclpQuotaSearch(m, colGroup, caps, conflicts);
        BooleanSupplier over = () -> System.nanoTime() > deadlineNanos || stop.getAsBoolean();
        s.descend(p, null, null, over);
        int[] best = ReducedProblem.openColumns(s.open, s.openCount);
        double bestValue = m.covered(best);
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] tabu = new boolean[m.colCount()];
        for (int round = 0; round < rounds && !over.getAsBoolean() && s.openCount > 0; round++) {
            List<Integer> opened = new ArrayList<>();
            for (int j = 0; j < s.open.length; j++) {
                if (s.open[j]) {
                    opened.add(j);
                }
            }
            int k = Math.max(1, opened.size() / 10);
            List<Integer> barred = new ArrayList<>();
            boolean wide = round % 2 == 1;
            for (int c = 0; c < k; c++) {
                int j = opened.remove(random.nextInt(opened.size()));
                s.setOpen(j, false);
                barred.add(j);
                if (wide) {
                    // every other round the refill also skips the sites sharing demand with it: where a site blocks
                    // two others (a spacing, a full district), only such a round opens them instead
                    for (int r : m.colRows[j]) {
                        for (int c2 : m.rowCols[r]) {
                            barred.add(c2);
                        }
                    }
                }
            }
            barred.forEach(j -> tabu[j] = true);
            s.descend(p, tabu, random, over);
            barred.forEach(j -> tabu[j] = false);
            int[] now = ReducedProblem.openColumns(s.open, s.openCount);
            double value = m.covered(now);
            if (value > bestValue + EPS) {
                best = now;
                bestValue = value;
            } else {
                s.restore(best);
            }
        }
        return best;
    }

    /** @param random null: ties go to the lowest index; else ties are broken at random */
    private void descend(int p, boolean[] tabu, SplittableRandom random, BooleanSupplier over) {
        greedy(p, tabu, random);
        swaps(over);
        if (openCount < p) {
            // swaps may have moved sites out of a full group: room for more there
            greedy(p, null, random);
            swaps(over);
        }
    }

    private boolean hasRoom(int col) {
        int g = colGroup[col];
        return g < 0 || used[g] < caps[g];
    }

    private void setOpen(int col, boolean value) {
        open[col] = value;
        int d = value ? 1 : -1;
        openCount += d;
        for (int r : m.colRows[col]) {
            count[r] += d;
            if ((value && count[r] == 1) || (!value && count[r] == 0)) {
                double w = value ? -m.rowWeight[r] : m.rowWeight[r];
                for (int c : m.rowCols[r]) {
                    gain[c] += w;
                }
            }
        }
        if (colGroup[col] >= 0) {
            used[colGroup[col]] += d;
        }
        for (int k : conflicts[col]) {
            blocked[k] += d;
        }
    }

    private void restore(int[] selection) {
        for (int j = 0; j < open.length; j++) {
            if (open[j]) {
                setOpen(j, false);
            }
        }
        for (int j : selection) {
            setOpen(j, true);
        }
    }

    /**
     * Opens the site adding the most while fewer than p are open and one adds anything; ties go to the lowest index,
     * or with {@code random} to one of them at random (where which of equal sites opens decides what still fits).
     */
    private void greedy(int p, boolean[] tabu, SplittableRandom random) {
        while (openCount < p) {
            int best = -1;
            int ties = 0;
            for (int j = 0; j < open.length; j++) {
                if (open[j] || (tabu != null && tabu[j]) || !hasRoom(j) || blocked[j] != 0) {
                    continue;
                }
                if (best < 0 || gain[j] > gain[best] + EPS) {
                    best = j;
                    ties = 1;
                } else if (random != null && gain[j] >= gain[best] - EPS && random.nextInt(++ties) == 0) {
                    best = j;
                }
            }
            if (best < 0 || gain[best] <= EPS) {
                return;
            }
            setOpen(best, true);
        }
    }

    private void swaps(BooleanSupplier over) {
        boolean improved = true;
        while (improved && !over.getAsBoolean()) {
            improved = false;
            for (int a = 0; a < m.colCount(); a++) {
                if (!open[a]) {
                    continue;
                }
                // closing a uncovers the rows only it covers: what a closed site adds then grows by those it covers
                double loss = 0;
                List<Integer> touched = new ArrayList<>();
                for (int r : m.colRows[a]) {
                    if (count[r] == 1) {
                        loss += m.rowWeight[r];
                        for (int c : m.rowCols[r]) {
                            if (extra[c] == 0) {
                                touched.add(c);
                            }
                            extra[c] += m.rowWeight[r];
                        }
                    }
                }
                // a closed site conflicting with a alone is free once a closes
                stampOf++;
                for (int k : conflicts[a]) {
                    conflictStamp[k] = stampOf;
                }
                int best = -1;
                double bestDelta = EPS;
                for (int b = 0; b < open.length; b++) {
                    if (!open[b] && (colGroup[b] == colGroup[a] || hasRoom(b))
                            && blocked[b] - (conflictStamp[b] == stampOf ? 1 : 0) == 0 && gain[b] + extra[b] - loss > bestDelta) {
                        bestDelta = gain[b] + extra[b] - loss;
                        best = b;
                    }
                }
                touched.forEach(c -> extra[c] = 0);
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
