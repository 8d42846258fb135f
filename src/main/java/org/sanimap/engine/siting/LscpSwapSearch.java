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
 *
 * <p>An instance holds a cover and its row counts, so that {@link LscpIteratedSearch} can change it
 * site by site, try the moves around the sites it changed, and undo a trial ({@link #mark()},
 * {@link #undoTo(int)}).
 */
final class LscpSwapSearch {

    private final ReducedProblem m;
    private final boolean[] open;
    private final int[] count;
    private int size;
    private final boolean[] inA;
    private final boolean[] inC;
    private final int[] seenB;
    private int stamp;
    /** Every change since the last {@link #mark()} or the start: column + 1 when opened, −(column + 1) when closed. */
    private int[] journal = new int[64];
    private int journalLength;

    LscpSwapSearch(ReducedProblem m, int[] cover) {
        this.m = m;
        this.open = new boolean[m.colCount()];
        this.count = new int[m.rowCount()];
        this.inA = new boolean[m.rowCount()];
        this.inC = new boolean[m.rowCount()];
        this.seenB = new int[m.colCount()];
        Arrays.fill(seenB, -1);
        for (int j : cover) {
            open(j);
        }
        journalLength = 0;
    }

    /**
     * @param cover ascending reduced columns covering every row of {@code m}
     * @param stop  asked between sites; a true answer ends the search with the cover so far
     * @return a cover of every row with no more sites, ascending
     */
    static int[] improve(ReducedProblem m, int[] cover, BooleanSupplier stop) {
        LscpSwapSearch s = new LscpSwapSearch(m, cover);
        boolean improved = true;
        while (improved && !stop.getAsBoolean()) {
            improved = false;
            for (int a = 0; a < m.colCount() && !stop.getAsBoolean(); a++) {
                improved |= s.open[a] && s.moveAt(a) >= -1;
            }
        }
        return s.cover();
    }

    /** The open sites, ascending. */
    int[] cover() {
        return ReducedProblem.openColumns(open, size);
    }

    int size() {
        return size;
    }

    boolean isOpen(int j) {
        return open[j];
    }

    /** Rows of column j that no open site covers. */
    int uncoveredRowsOf(int j) {
        int n = 0;
        for (int r : m.colRows[j]) {
            n += count[r] == 0 ? 1 : 0;
        }
        return n;
    }

    boolean isCovered(int row) {
        return count[row] > 0;
    }

    /**
     * Drops open site a if redundant, or exchanges it and another open site for one closed site.
     *
     * @return the site opened by an exchange, −1 when a was dropped as redundant, −2 when no move was made
     */
    int moveAt(int a) {
        // the row that a alone covers with the fewest sites: c must cover it
        int pivot = -1;
        for (int r : m.colRows[a]) {
            if (count[r] == 1 && (pivot < 0 || m.rowCols[r].length < m.rowCols[pivot].length)) {
                pivot = r;
            }
        }
        if (pivot < 0) {
            close(a);
            return -1;
        }
        for (int r : m.colRows[a]) {
            inA[r] = true;
        }
        int opened = -2;
        for (int c : m.rowCols[pivot]) {
            if (open[c]) {
                continue;
            }
            int partner = partner(a, c);
            if (partner >= 0) {
                close(a);
                close(partner);
                open(c);
                opened = c;
                break;
            }
        }
        for (int r : m.colRows[a]) {
            inA[r] = false;
        }
        return opened;
    }

    /** An open site b ≠ a such that c covers every row that only a and b cover; −1 if none (inA marks a's rows). */
    private int partner(int a, int c) {
        for (int r : m.colRows[c]) {
            inC[r] = true;
        }
        int partner = -1;
        boolean coversA = true;
        for (int r : m.colRows[a]) {
            if (count[r] == 1 && !inC[r]) {
                coversA = false;
                break;
            }
        }
        if (coversA) {
            stamp++;
            search:
            for (int rc : m.colRows[c]) {
                for (int b : m.rowCols[rc]) {
                    if (b == a || !open[b] || seenB[b] == stamp) {
                        continue;
                    }
                    seenB[b] = stamp;
                    if (leftToC(b)) {
                        partner = b;
                        break search;
                    }
                }
            }
        }
        for (int r : m.colRows[c]) {
            inC[r] = false;
        }
        return partner;
    }

    /** Whether every row that would lose its last site with a (marked in inA) and b closed is a row of c. */
    private boolean leftToC(int b) {
        for (int r : m.colRows[b]) {
            if (count[r] - 1 - (inA[r] ? 1 : 0) == 0 && !inC[r]) {
                return false;
            }
        }
        return true;
    }

    void open(int j) {
        open[j] = true;
        size++;
        for (int r : m.colRows[j]) {
            count[r]++;
        }
        log(j + 1);
    }

    void close(int j) {
        open[j] = false;
        size--;
        for (int r : m.colRows[j]) {
            count[r]--;
        }
        log(-(j + 1));
    }

    private void log(int entry) {
        if (journalLength == journal.length) {
            journal = Arrays.copyOf(journal, 2 * journal.length);
        }
        journal[journalLength++] = entry;
    }

    /** A point to {@link #undoTo} later. */
    int mark() {
        return journalLength;
    }

    /** Undoes every change made since {@code mark}, last first. */
    void undoTo(int mark) {
        while (journalLength > mark) {
            int entry = journal[--journalLength];
            int j = Math.abs(entry) - 1;
            boolean wasOpened = entry > 0;
            open[j] = !wasOpened;
            size += wasOpened ? -1 : 1;
            for (int r : m.colRows[j]) {
                count[r] += wasOpened ? -1 : 1;
            }
        }
    }

    /** Forgets the changes made so far: they can no longer be undone. */
    void commit() {
        journalLength = 0;
    }
}
