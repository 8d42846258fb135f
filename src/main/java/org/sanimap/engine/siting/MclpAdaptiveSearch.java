package org.sanimap.engine.siting;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The maximal covering heuristic on a {@link ReducedProblem}: p sites that cover as much row weight as
 * it can find, with no proof.
 *
 * <ol>
 *   <li>Greedy adding (Church and ReVelle 1974; covered weight is submodular, so greedy keeps at least
 *       1 − 1/e of the optimum, Nemhauser, Wolsey and Fisher 1978), then a swap local search: each open
 *       site in random order is tried against the closed site that gains most once it is closed (vertex
 *       substitution, Teitz and Bart 1968), with the gains of the closed sites kept up to date
 *       incrementally (as in the bookkeeping of Whitaker 1983 and Resende and Werneck 2007), until no
 *       swap improves.</li>
 *   <li>An adaptive iterated local search in the manner of Máximo, Cordeau and Nascimento's AILS for the
 *       MCLP (ITOR 2023): perturb a reference solution by replacing ω open sites (chosen at random or
 *       around a random site; each replaced by a random site or by one sharing demand with it), descend
 *       again, and accept the result as the new reference when it beats a threshold between the mean and
 *       the best of the last 30 local optima, a threshold that tightens from the mean to near the best
 *       over a cycle of rounds (η from 1 to 0.1, geometrically). ω adapts so that a round moves about
 *       min(10, p/4) sites away from the reference.</li>
 *   <li>After each cycle, solution merging in the manner of Construct, Merge, Solve &amp; Adapt (Blum,
 *       Pinacho, López-Ibáñez and Lozano 2016, Computers &amp; Operations Research 68): the sites of the
 *       cycle's 4 best distinct local optima and of the best answer so far join a small sub-instance,
 *       solved by a {@link SubsetSolver} (SCIP on the MCLP restricted to those sites, at most 3 s),
 *       which recombines the answers optimally. Sites that the merged answers have not used for a while
 *       leave the sub-instance after each merge, down to max(4p, 60) sites (a merge sees those plus
 *       the sites of the cycle's new answers, at most 5p more); after three cycles in a
 *       row without a better answer it starts afresh, so that other sites come in. The next cycle
 *       starts again from the greedy answer.</li>
 * </ol>
 *
 * <p>Deterministic for a given seed and round count as long as no time limit stops a step; the time
 * budget and the stop signal only end it early. {@link #bestSoFar()} and {@link #roundsDone()} may be
 * read from another thread while it runs. An instance runs once.
 */
final class MclpAdaptiveSearch {

    /** Solves the maximal covering problem restricted to some sites, as well as it can in the time. */
    @FunctionalInterface
    interface SubsetSolver {
        /**
         * @param columns reduced columns that may open, ascending
         * @param hint    a selection of p of them to start from
         * @return the best selection of p columns among {@code columns} found, ascending; {@code hint}
         *         when none was found
         */
        int[] solve(int[] columns, int[] hint, double seconds);
    }

    /** Rounds in a cycle of the threshold schedule, between two merges. */
    static final int CYCLE_ROUNDS = 3000;
    /** Distinct local optima of each cycle (its best ones) that join the merge sub-instance. */
    static final int KEPT = 4;
    /** Cycles in a row without a better answer after which the merge sub-instance starts afresh. */
    static final int STALE_CYCLES = 3;
    /** Local optima the acceptance threshold and the ω adaptation look back on. */
    static final int WINDOW = 30;
    private static final double ETA_START = 1;
    private static final double ETA_END = 0.1;
    /** Longest time one merge may take. */
    private static final double MERGE_SECONDS = 3;
    /** Weights closer than this count as equal (sums of population counts, possibly fractional). */
    private static final double EPS = 1e-6;
    /** Closed sites kept in order of gain, for the best swap partner outside a site's neighbourhood. */
    private static final int TOP = 8;

    private final ReducedProblem m;
    private final int p;
    private final int n;
    private final SplittableRandom random;
    private final SubsetSolver merger;
    private final DoubleConsumer onBetter;
    /** Open sites covering each row. */
    private final int[] coverCount;
    private final boolean[] open;
    /** Closed site: weight of the uncovered rows it covers (what opening it would add). */
    private final double[] gain;
    private double value;
    /** sites[0, openCount) are open, the rest closed; position[j] is j's place in sites. */
    private final int[] sites;
    private final int[] position;
    private int openCount;
    /** Sites sharing at least one row with each site. */
    private final int[][] neighbours;
    private final int[] mark;
    private int stamp;
    private final int[] order;
    private final int[] queue;
    /** The one tie-breaking pick in use at a time (greedy fill, swap partner). */
    private final Best pick = new Best();
    private final int[] top = new int[TOP];
    private int topCount;
    private final double targetDistance;
    private double omega;
    /** The current cycle's best distinct local optima, best first (null where fewer were found). */
    private final int[][] cycleTop = new int[KEPT][];
    private final double[] cycleTopValue = new double[KEPT];
    private volatile int[] bestSoFar;
    private volatile long roundsDone;

    /**
     * @param merger   solves the merge sub-instances; null: no merging
     * @param onBetter told each better covered weight as it is found (from the searching thread); may be null
     */
    MclpAdaptiveSearch(ReducedProblem problem, int p, long seed, SubsetSolver merger, DoubleConsumer onBetter) {
        this.m = problem;
        this.n = problem.colCount();
        this.p = Math.min(p, n);
        this.random = new SplittableRandom(seed);
        this.merger = merger;
        this.onBetter = onBetter == null ? v -> { } : onBetter;
        this.coverCount = new int[m.rowCount()];
        this.open = new boolean[n];
        this.gain = new double[n];
        this.sites = new int[n];
        this.position = new int[n];
        this.mark = new int[n];
        this.order = new int[n];
        this.queue = new int[n];
        for (int j = 0; j < n; j++) {
            sites[j] = j;
            position[j] = j;
            for (int r : m.colRows[j]) {
                gain[j] += m.rowWeight[r];
            }
        }
        this.neighbours = neighbours(m, mark);
        this.targetDistance = Math.max(1, Math.min(10, this.p / 4.0));
        this.omega = targetDistance;
    }

    /**
     * The best selection found: ascending reduced column indexes.
     *
     * @param rounds        rounds of perturbation and descent at most
     * @param deadlineNanos the {@link System#nanoTime()} at which to stop; {@code Long.MAX_VALUE}: none
     * @param stop          asked between rounds: true ends the search with its best so far
     */
    int[] run(long rounds, long deadlineNanos, BooleanSupplier stop) {
        if (p == 0) {
            return new int[0];
        }
        fill();
        descend();
        int[] start = openSorted();
        int[] best = start;
        double bestValue = m.covered(best);
        bestSoFar = best;
        onBetter.accept(bestValue);
        Union union = new Union();
        int stale = 0;
        while (roundsDone < rounds && System.nanoTime() < deadlineNanos && !stop.getAsBoolean()) {
            double before = bestValue;
            int[] cycleBest = cycle(start, Math.min(CYCLE_ROUNDS, rounds - roundsDone), deadlineNanos, stop, bestValue);
            double cycleValue = m.covered(cycleBest);
            if (cycleValue > bestValue + EPS) {
                best = cycleBest;
                bestValue = cycleValue;
            }
            double seconds = deadlineNanos == Long.MAX_VALUE ? MERGE_SECONDS
                    : Math.min(MERGE_SECONDS, (deadlineNanos - System.nanoTime()) / 1e9);
            for (int[] kept : cycleTop) {
                if (kept != null) {
                    union.add(kept);
                }
            }
            union.add(best);
            if (merger != null && seconds > 0.05 && !stop.getAsBoolean() && union.size() > best.length) {
                int[] answer = merger.solve(union.columns(), best, seconds);
                load(answer.length == p ? answer : best);
                descend();
                int[] merged = openSorted();
                union.age(merged);
                double mergedValue = m.covered(merged);
                if (mergedValue > bestValue + EPS) {
                    best = merged;
                    bestValue = mergedValue;
                    onBetter.accept(bestValue);
                }
            }
            bestSoFar = best;
            stale = bestValue > before + EPS ? 0 : stale + 1;
            if (stale >= STALE_CYCLES) {
                union.clear();
                stale = 0;
            }
        }
        return best;
    }

    /** The best selection of a running search so far (another thread may ask), null before its first descent ends. */
    int[] bestSoFar() {
        return bestSoFar;
    }

    /** Rounds of perturbation and descent completed so far (another thread may ask). */
    long roundsDone() {
        return roundsDone;
    }

    /** Keeps {@code selection} among the cycle's KEPT best distinct local optima when it is one of them. */
    private void offerTop(int[] selection, double f) {
        if (f <= cycleTopValue[KEPT - 1] + EPS) {
            return;
        }
        for (int k = 0; k < KEPT; k++) {
            if (cycleTop[k] != null && Math.abs(cycleTopValue[k] - f) <= EPS && Arrays.equals(cycleTop[k], selection)) {
                return;
            }
        }
        int i = KEPT - 1;
        while (i > 0 && cycleTopValue[i - 1] < f) {
            cycleTop[i] = cycleTop[i - 1];
            cycleTopValue[i] = cycleTopValue[i - 1];
            i--;
        }
        cycleTop[i] = selection;
        cycleTopValue[i] = f;
    }

    /**
     * One cycle of the threshold-accepting iterated local search from {@code start}; publishes a better
     * answer than {@code bestValue} as soon as it is found, and keeps the cycle's best distinct local
     * optima in {@link #cycleTop}. Returns the cycle's best selection.
     */
    private int[] cycle(int[] start, long cycleRounds, long deadlineNanos, BooleanSupplier stop, double bestValue) {
        long doneBefore = roundsDone;
        Arrays.fill(cycleTop, null);
        Arrays.fill(cycleTopValue, Double.NEGATIVE_INFINITY);
        load(start);
        value = m.covered(start); // the running sum starts each cycle free of rounding drift
        int[] reference = start;
        int[] cycleBest = start;
        double cycleBestValue = value;
        double[] recent = new double[WINDOW];
        int recentCount = 0;
        double distanceSum = 0;
        int distanceCount = 0;
        for (long c = 0; c < cycleRounds && System.nanoTime() < deadlineNanos && !stop.getAsBoolean(); c++) {
            load(reference);
            perturb((int) Math.max(1, Math.min(p, Math.round(omega))));
            descend();
            int[] current = openSorted();
            if (value > cycleBestValue + EPS) {
                // a better answer is judged by its value counted afresh, not by the running sum
                value = m.covered(current);
            }
            double f = value;
            offerTop(current, f);
            if (f > cycleBestValue + EPS) {
                cycleBestValue = f;
                cycleBest = current;
                if (f > bestValue + EPS) {
                    bestValue = f;
                    bestSoFar = current;
                    onBetter.accept(f);
                }
            }
            distanceSum += difference(current, reference);
            if (++distanceCount == WINDOW) {
                double meanDistance = distanceSum / distanceCount;
                if (meanDistance > 0) {
                    omega = Math.max(1, Math.min(p, omega * targetDistance / meanDistance));
                }
                distanceSum = 0;
                distanceCount = 0;
            }
            recent[(int) (c % WINDOW)] = f;
            recentCount = Math.min(recentCount + 1, WINDOW);
            double mean = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < recentCount; k++) {
                mean += recent[k];
                max = Math.max(max, recent[k]);
            }
            mean /= recentCount;
            double eta = ETA_START * Math.pow(ETA_END / ETA_START, (double) c / cycleRounds);
            if (f >= mean + (1 - eta) * (max - mean) - EPS) {
                reference = current;
            }
            roundsDone = doneBefore + c + 1;
        }
        return cycleBest;
    }

    /**
     * The sites of the merge sub-instance with their age: merges since the merged answer last used the
     * site (a site enters with age 0 whenever a cycle's best or the best so far uses it).
     */
    private final class Union {
        private final int[] age = new int[n];
        private int size;

        Union() {
            Arrays.fill(age, -1);
        }

        /** Adds the sites of {@code selection}, each with age 0. */
        void add(int[] selection) {
            for (int j : selection) {
                if (age[j] < 0) {
                    size++;
                }
                age[j] = 0;
            }
        }

        int size() {
            return size;
        }

        /** Empties the sub-instance (the best answer joins again with the next cycle's answers). */
        void clear() {
            Arrays.fill(age, -1);
            size = 0;
        }

        int[] columns() {
            int[] out = new int[size];
            int k = 0;
            for (int j = 0; j < n; j++) {
                if (age[j] >= 0) {
                    out[k++] = j;
                }
            }
            return out;
        }

        /** Ages the sites the merged answer does not use and drops the oldest beyond max(4p, 60) sites. */
        void age(int[] merged) {
            stamp++;
            for (int j : merged) {
                mark[j] = stamp;
            }
            int oldest = 0;
            for (int j = 0; j < n; j++) {
                if (age[j] >= 0) {
                    age[j] = mark[j] == stamp ? 0 : age[j] + 1;
                    oldest = Math.max(oldest, age[j]);
                }
            }
            int limit = Math.max(4 * p, 60);
            for (int a = oldest; a > 0 && size > limit; a--) {
                for (int j = 0; j < n && size > limit; j++) {
                    if (age[j] == a) {
                        age[j] = -1;
                        size--;
                    }
                }
            }
        }
    }

    /** Opens the best-gaining site until p are open (ties broken at random). */
    private void fill() {
        while (openCount < p) {
            Best best = pick.reset();
            for (int k = openCount; k < n; k++) {
                best.offer(sites[k], gain[sites[k]]);
            }
            openSite(best.site);
        }
    }

    /** First-improvement swaps over the open sites in random order until none improves. */
    private void descend() {
        boolean improved = true;
        while (improved) {
            improved = false;
            rankTop();
            int count = openCount;
            System.arraycopy(sites, 0, order, 0, count);
            for (int k = count - 1; k > 0; k--) {
                int s = random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[s];
                order[s] = t;
            }
            for (int q = 0; q < count; q++) {
                int j = order[q];
                double before = value;
                closeSite(j);
                int a = bestPartner(j);
                if (a >= 0 && value + gain[a] > before + EPS) {
                    openSite(a);
                    improved = true;
                    rankTop();
                } else {
                    openSite(j);
                }
            }
        }
    }

    /** The TOP closed sites of highest gain, best first. */
    private void rankTop() {
        topCount = 0;
        for (int k = openCount; k < n; k++) {
            int a = sites[k];
            double g = gain[a];
            if (topCount < TOP || g > gain[top[topCount - 1]]) {
                int i = Math.min(topCount, TOP - 1);
                if (topCount < TOP) {
                    topCount++;
                }
                while (i > 0 && gain[top[i - 1]] < g) {
                    top[i] = top[i - 1];
                    i--;
                }
                top[i] = a;
            }
        }
    }

    /**
     * With {@code j} just closed, the closed site (other than j) that gains most, ties at random. Closing j
     * changes only the gains of j's neighbours, so the best is among them or is the best non-neighbour of
     * the ranking made before j closed; a full scan only when the ranking holds no such site.
     */
    private int bestPartner(int j) {
        stamp++;
        Best best = pick.reset();
        for (int a : neighbours[j]) {
            mark[a] = stamp;
            if (!open[a]) {
                best.offer(a, gain[a]);
            }
        }
        boolean ranked = false;
        for (int t = 0; t < topCount && !ranked; t++) {
            int a = top[t];
            if (a != j && !open[a] && mark[a] != stamp) {
                best.offer(a, gain[a]);
                ranked = true;
            }
        }
        if (!ranked) {
            for (int k = openCount; k < n; k++) {
                int a = sites[k];
                if (a != j && mark[a] != stamp) {
                    best.offer(a, gain[a]);
                }
            }
        }
        return best.site;
    }

    /** The highest value offered, ties broken uniformly at random. */
    private final class Best {
        int site;
        double value;
        int ties;

        Best reset() {
            site = -1;
            value = Double.NEGATIVE_INFINITY;
            ties = 0;
            return this;
        }

        void offer(int a, double v) {
            if (v > value + EPS) {
                value = v;
                site = a;
                ties = 1;
            } else if (v > value - EPS && random.nextInt(++ties) == 0) {
                site = a;
            }
        }
    }

    /**
     * Replaces {@code count} open sites: drawn at random or the first met in a breadth-first walk over
     * shared demand from a random open site; each by a random closed site or by a random closed
     * neighbour of it (one closed earlier in the same step may be drawn again, so a step may move
     * fewer sites; the adaptation of ω makes up for it).
     */
    private void perturb(int count) {
        boolean around = random.nextBoolean();
        boolean near = random.nextBoolean();
        int[] removed = new int[count];
        int k = 0;
        if (around) {
            int head = 0;
            int tail = 0;
            stamp++;
            int centre = sites[random.nextInt(openCount)];
            queue[tail++] = centre;
            mark[centre] = stamp;
            while (head < tail && k < count) {
                int u = queue[head++];
                if (open[u]) {
                    removed[k++] = u;
                }
                for (int v : neighbours[u]) {
                    if (mark[v] != stamp) {
                        mark[v] = stamp;
                        queue[tail++] = v;
                    }
                }
            }
        }
        while (k < count) {
            int u = sites[random.nextInt(openCount)];
            boolean taken = false;
            for (int t = 0; t < k && !taken; t++) {
                taken = removed[t] == u;
            }
            if (!taken) {
                removed[k++] = u;
            }
        }
        for (int u : removed) {
            closeSite(u);
            int add = -1;
            for (int tries = 0; near && add < 0 && tries < 8 && neighbours[u].length > 0; tries++) {
                int v = neighbours[u][random.nextInt(neighbours[u].length)];
                if (!open[v]) {
                    add = v;
                }
            }
            while (add < 0 || (add == u && n - openCount > 1)) {
                add = sites[openCount + random.nextInt(n - openCount)];
            }
            openSite(add);
        }
    }

    private void openSite(int a) {
        open[a] = true;
        swapPositions(a, sites[openCount]);
        openCount++;
        for (int r : m.colRows[a]) {
            double w = m.rowWeight[r];
            if (coverCount[r] == 0) {
                value += w;
                for (int c : m.rowCols[r]) {
                    gain[c] -= w;
                }
            }
            coverCount[r]++;
        }
    }

    private void closeSite(int j) {
        open[j] = false;
        openCount--;
        swapPositions(j, sites[openCount]);
        for (int r : m.colRows[j]) {
            double w = m.rowWeight[r];
            coverCount[r]--;
            if (coverCount[r] == 0) {
                value -= w;
                for (int c : m.rowCols[r]) {
                    gain[c] += w;
                }
            }
        }
    }

    private void swapPositions(int a, int b) {
        int pa = position[a];
        int pb = position[b];
        sites[pa] = b;
        sites[pb] = a;
        position[a] = pb;
        position[b] = pa;
    }

    /** Makes {@code selection} the open set, closing and opening only the sites that differ. */
    private void load(int[] selection) {
        stamp++;
        for (int j : selection) {
            mark[j] = stamp;
        }
        for (int k = openCount - 1; k >= 0; k--) {
            int j = sites[k];
            if (mark[j] != stamp) {
                closeSite(j);
            }
        }
        for (int j : selection) {
            if (!open[j]) {
                openSite(j);
            }
        }
    }

    private int[] openSorted() {
        int[] out = Arrays.copyOf(sites, openCount);
        Arrays.sort(out);
        return out;
    }

    /** Sites of {@code a} not in {@code b}; both ascending and of equal size. */
    static int difference(int[] a, int[] b) {
        int i = 0;
        int k = 0;
        int same = 0;
        while (i < a.length && k < b.length) {
            if (a[i] == b[k]) {
                same++;
                i++;
                k++;
            } else if (a[i] < b[k]) {
                i++;
            } else {
                k++;
            }
        }
        return a.length - same;
    }

    /** For each site, the other sites covering at least one of its rows, ascending. */
    private static int[][] neighbours(ReducedProblem m, int[] scratch) {
        int n = m.colCount();
        int[][] out = new int[n][];
        int[] buffer = new int[n];
        Arrays.fill(scratch, -1);
        for (int j = 0; j < n; j++) {
            int k = 0;
            for (int r : m.colRows[j]) {
                for (int c : m.rowCols[r]) {
                    if (c != j && scratch[c] != j) {
                        scratch[c] = j;
                        buffer[k++] = c;
                    }
                }
            }
            out[j] = Arrays.copyOf(buffer, k);
            Arrays.sort(out[j]);
        }
        Arrays.fill(scratch, 0);
        return out;
    }
}
