package org.sanimap.engine.siting;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Local search for full set covering on a {@link ReducedProblem}: from a cover of every row, repeatedly
 * drops a redundant site (one whose rows are all covered by others) or replaces two open sites by one
 * closed site that covers every row only they covered (a 2-for-1 exchange: drop two sites, add one),
 * until no such move is left. Each move removes a site, so it ends after fewer moves than the cover has
 * sites.
 *
 * <p>Only exchanges that can exist are tried: the new site c must cover a row that site a alone covers,
 * so c is among that row's sites, and the other site b dropped must cover a row of c. One pass over the
 * open sites costs about (sites open) x (sites per row x rows per site)² steps. Deterministic: sites are
 * tried in ascending order, and the first exchange found is made.
 */
final class LscpSwapSearch {

    private LscpSwapSearch() {
    }

    /**
     * @param cover ascending reduced columns covering every row of {@code m}
     * @param stop  asked between sites; a true answer ends the search with the cover so far
     * @return a cover of every row with no more sites, ascending
     */
    static int[] improve(ReducedProblem m, int[] cover, BooleanSupplier stop) {
        int rows = m.rowCount();
        int cols = m.colCount();
        boolean[] open = new boolean[cols];
        int[] count = new int[rows];
        for (int j : cover) {
            open[j] = true;
            for (int r : m.colRows[j]) {
                count[r]++;
            }
        }
        boolean[] inA = new boolean[rows];
        boolean[] inC = new boolean[rows];
        int[] seenB = new int[cols]; // the pass stamp at which b was last tried with the current a and c
        Arrays.fill(seenB, -1);
        int stamp = 0;
        boolean improved = true;
        while (improved && !stop.getAsBoolean()) {
            improved = false;
            for (int a = 0; a < cols; a++) {
                if (!open[a]) {
                    continue;
                }
                if (stop.getAsBoolean()) {
                    break;
                }
                // the row that a alone covers with the fewest sites: c must cover it
                int pivot = -1;
                for (int r : m.colRows[a]) {
                    if (count[r] == 1 && (pivot < 0 || m.rowCols[r].length < m.rowCols[pivot].length)) {
                        pivot = r;
                    }
                }
                if (pivot < 0) {
                    close(m, a, open, count); // redundant
                    improved = true;
                    continue;
                }
                for (int r : m.colRows[a]) {
                    inA[r] = true;
                }
                boolean moved = false;
                for (int c : m.rowCols[pivot]) {
                    if (open[c]) {
                        continue;
                    }
                    for (int r : m.colRows[c]) {
                        inC[r] = true;
                    }
                    boolean coversA = true;
                    for (int r : m.colRows[a]) {
                        if (count[r] == 1 && !inC[r]) {
                            coversA = false;
                            break;
                        }
                    }
                    int partner = -1;
                    if (coversA) {
                        stamp++;
                        for (int rc : m.colRows[c]) {
                            for (int b : m.rowCols[rc]) {
                                if (b == a || !open[b] || seenB[b] == stamp) {
                                    continue;
                                }
                                seenB[b] = stamp;
                                if (leftToC(m, b, count, inA, inC)) {
                                    partner = b;
                                    break;
                                }
                            }
                            if (partner >= 0) {
                                break;
                            }
                        }
                    }
                    for (int r : m.colRows[c]) {
                        inC[r] = false;
                    }
                    if (partner >= 0) {
                        close(m, a, open, count);
                        close(m, partner, open, count);
                        open[c] = true;
                        for (int r : m.colRows[c]) {
                            count[r]++;
                        }
                        moved = true;
                        break;
                    }
                }
                for (int r : m.colRows[a]) {
                    inA[r] = false;
                }
                improved |= moved;
            }
        }
        int k = 0;
        for (boolean o : open) {
            k += o ? 1 : 0;
        }
        int[] out = new int[k];
        k = 0;
        for (int j = 0; j < cols; j++) {
            if (open[j]) {
                out[k++] = j;
            }
        }
        return out;
    }

    /** Whether every row that would lose its last site with a and b closed is a row of c. */
    private static boolean leftToC(ReducedProblem m, int b, int[] count, boolean[] inA, boolean[] inC) {
        for (int r : m.colRows[b]) {
            if (count[r] - 1 - (inA[r] ? 1 : 0) == 0 && !inC[r]) {
                return false;
            }
        }
        return true;
    }

    private static void close(ReducedProblem m, int j, boolean[] open, int[] count) {
        open[j] = false;
        for (int r : m.colRows[j]) {
            count[r]--;
        }
    }
}
