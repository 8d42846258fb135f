package org.sanimap.engine.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Proposes new sites for a {@link SitingProblem}: the location set covering problem (LSCP, Toregas,
 * Swain, ReVelle and Bergman 1971) or the maximal covering location problem (MCLP, Church and ReVelle
 * 1974), with the demand that existing facilities cover taken as covered.
 *
 * <p>Steps: exact reductions ({@link ReducedProblem}: merged demand, dominated candidates dropped);
 * a heuristic answer (MCLP: greedy, swap local search, an adaptive iterated local search and exact
 * merges of its best answers, {@link MclpAdaptiveSearch}, which reports each better answer to the
 * listener as it finds it; LSCP: a counting bound ({@link #fewestSites}), greedy set covering with
 * redundancy removal, then the Lagrangian bound
 * and heuristic of {@link LscpLagrangianBound}, a sixth of the time at most, whose smaller cover is kept;
 * for full covering the 2-for-1 exchanges of {@link LscpSwapSearch} and, on two or more threads, the
 * iterated local search of {@link LscpIteratedSearch} beside the exact search; for a target coverage also a
 * full cover so made, thinned by the reverse greedy, {@link LscpGreedy#dropTo}); then, unless only the
 * heuristic is asked for, the exact mixed-integer model solved by SCIP (OR-Tools), warm-started with
 * the heuristic answer, until proven optimal or the time limit. On two or more threads the heuristic
 * runs on a second thread for the whole time, SCIP starts from its best answer after the heuristic
 * rounds asked for or a 120th of the time limit, whichever comes first, and the better final
 * answer is kept; on one thread the heuristic takes a sixth of the time before SCIP. On a model of more
 * than {@value #SCIP_PROBE_PAIRS} pairs, SCIP runs only where GLOP solves the LP within a sixth of the
 * limit (its root could not end otherwise); where it does not, a second adaptive search (the next seed)
 * takes SCIP's core, and the best answer of the two is kept. Before SCIP
 * (beside the heuristic, or after it on one thread) the Lagrangian bound ({@link MclpLagrangianBound})
 * is computed until its descent ends, a sixth of the time at most (half the time while its bound says no more
 * than all the reachable demand or the p heaviest sites; SCIP then starts no earlier), so
 * that an answer comes with a bound where SCIP's root does not end within the limit; the descent's own
 * best answer is kept where it covers more, and ends the solve when it meets the bound. A heuristic
 * answer alone comes with the Lagrangian bound and the linear relaxation's (GLOP), so that it says how
 * far from the optimum it may be: on a second thread beside the heuristic, waited for a thirtieth of
 * the time after the heuristic ends at most; on one thread the Lagrangian bound before the heuristic
 * and the LP in the time the heuristic leaves. No step starts, and none is waited for, past the time
 * limit, but SCIP, started with less than half a second left, still gets half a second, and on a
 * large model it may stop a little after its limit (its limit keeps back 2.5 times the model's build
 * time for handing the model over; the LSCP search runs on one SCIP thread, whose concurrent copies
 * overran the limit). The result reports objective, proven bound (the
 * least of those found) and status; the sites are ranked by what each adds given the existing
 * facilities and the better-ranked sites.
 *
 * <p>With side constraints (caps per district, {@link SitingQuotas}; a minimum spacing between new sites,
 * {@link SitingSpacing}) the MCLP takes a simpler path: {@link MclpQuotaSearch} for the heuristic answer, then SCIP
 * on the model with the side constraints.
 *
 * <p>{@link #solve(SitingProblem, SitingOptions)} is the one-call entry point; an instance adds a
 * progress listener and {@link #cancel()} from another thread (the best answer so far is returned).
 * An instance runs one problem at a time.
 */
public final class SitingOptimizer {

    /** Receives progress: phase name, best objective so far (NaN if none), best bound (NaN if none). */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(String phase, double objective, double bound);
    }

    private final ProgressListener listener;
    /** What was last reported: the phase, the best objective (NaN if none) and the bound (NaN if none). */
    private String phase = "";
    private double reportedObjective = Double.NaN;
    private double reportedBound = Double.NaN;
    /** Whether the model being solved maximises (MCLP: covered weight) or minimises (LSCP: sites). */
    private boolean maximising = true;
    private final SitingMip mip = new SitingMip();
    /** The running heuristic's merge steps, apart from the exact search so that each can be stopped. */
    private volatile SitingMip merges;
    /** The running LP bound of a heuristic answer, apart so that it can be given up alone. */
    private volatile SitingMip lpSolve;
    /** The merge steps of a second search, where one runs instead of SCIP. */
    private volatile SitingMip secondMerges;
    private volatile boolean cancelled;
    /** Steps of the Lagrangian bound at most (NewYork p = 100, alone: 0.2 s; San Francisco, 4 times the pairs: 3 s). */
    static final int LAGRANGIAN_ITERATIONS = 3_000;
    /**
     * The Lagrangian steps end after at most this fraction (1/n) of the time limit once their bound is below
     * the trivial one (NewYork: they end by themselves within 0.2 s; a 300 x 300 grid of 100 m cells at
     * 300 m, 2.8 million pairs: 5.5 s alone, about 10 s beside the heuristic).
     */
    static final int LAGRANGIAN_SHARE = 6;
    /**
     * While their bound is no better than the trivial one (all reachable demand, or the p heaviest sites)
     * the Lagrangian steps go on up to this many shares: half the time limit. NewYork p = 100 needs 450 to
     * 1,100 steps (0.2 to 0.55 s; the more the less the heuristic has found) before its bound goes below all
     * the demand; in a 3 s limit under load a sixth of it once left the trivial bound (2026-12-02).
     */
    static final int LAGRANGIAN_MAX_SHARES = 3;

    /**
     * Above this many (row, column) pairs in the reduced MCLP model, SCIP runs only where GLOP solves the LP
     * within a sixth of the time limit; else a second search takes its core. NewYork (80,713 pairs, SCIP proves
     * p = 50 and 60) and the demo city stay below; a 300 x 300 grid at 300 m (2.8 million) is far above.
     */
    static final long SCIP_PROBE_PAIRS = 250_000;

    /** SCIP's MCLP search beside the heuristic starts after 1/{@value} of the time limit at the earliest. */
    static final int SCIP_START_SHARE = 120;

    /** The LP of a heuristic answer alone is not started with less time left than this. */
    private static final long MIN_LP_NANOS = 200_000_000L;
    /** The least Lagrangian bound of the solve running (+∞ before one). */
    private double bestLagrangian = Double.POSITIVE_INFINITY;
    /** The best answer of the Lagrangian steps in the solve running (null before one). */
    private int[] lagrangianAnswer;

    public SitingOptimizer(ProgressListener listener) {
        this.listener = listener == null ? (phase, objective, bound) -> { } : listener;
    }

    /** One call: solves with the given options and no progress reporting. */
    public static SitingResult solve(SitingProblem problem, SitingOptions options) {
        return new SitingOptimizer(null).run(problem, options);
    }

    /**
     * Tells the listener; the objective never gets worse within a solve (the heuristic may report a better
     * one from its own thread meanwhile): never lower for MCLP, never higher for LSCP.
     */
    private synchronized void report(String newPhase, double objective, double bound) {
        if (newPhase.equals("reducing")) {
            reportedObjective = Double.NaN;
        }
        phase = newPhase;
        boolean worse = maximising ? objective < reportedObjective : objective > reportedObjective;
        if (!Double.isNaN(objective) && !worse) {
            reportedObjective = objective;
        }
        reportedBound = bound;
        listener.progress(phase, reportedObjective, reportedBound);
    }

    /** A better heuristic answer, found on the heuristic's thread: reported in the current phase. */
    private synchronized void heuristicImproved(double objective) {
        if (Double.isNaN(reportedObjective) || (maximising ? objective > reportedObjective : objective < reportedObjective)) {
            reportedObjective = objective;
            listener.progress(phase, reportedObjective, reportedBound);
        }
    }

    /** Asks a running solve to stop soon with its best answer; later solves stop at once. */
    public void cancel() {
        cancelled = true;
        mip.cancel();
        for (SitingMip running : new SitingMip[] {merges, lpSolve, secondMerges}) {
            if (running != null) {
                running.cancel();
            }
        }
    }

    public SitingResult run(SitingProblem problem, SitingOptions options) {
        return run(problem, options, null);
    }

    /**
     * Solves with caps on the new sites per group of candidates (see
     * {@link #run(SitingProblem, SitingOptions, SitingQuotas, SitingSpacing)}).
     */
    public SitingResult run(SitingProblem problem, SitingOptions options, SitingQuotas quotas) {
        return run(problem, options, quotas, null);
    }

    /**
     * Solves with caps on the new sites per group of candidates and a minimum spacing between new sites (MCLP only;
     * null: none of either). With either, the heuristic is {@link MclpQuotaSearch} (greedy, swaps within the caps and
     * the spacing and a quarter of the heuristic rounds of iterated local search; a sixth of the time at most when the
     * exact search follows) and SCIP solves the model with them as side constraints, warm-started with it; with a
     * spacing, dominated candidates are kept (the dominator may conflict where the dominated one does not).
     *
     * @throws IllegalArgumentException for either with LSCP, or either for another number of candidates
     */
    public SitingResult run(SitingProblem problem, SitingOptions options, SitingQuotas quotas, SitingSpacing spacing) {
        synchronized (this) {
            maximising = options.model() == SitingModel.MCLP;
        }
        if (quotas != null || spacing != null) {
            if (options.model() != SitingModel.MCLP) {
                throw new IllegalArgumentException(quotas != null ? "quotas per district apply to mclp (p new sites) only"
                        : "a minimum spacing between new sites applies to mclp (p new sites) only");
            }
            int n = problem.candidateCount();
            if (quotas != null && quotas.groupOfCandidate().length != n) {
                throw new IllegalArgumentException("quotas name groups of " + quotas.groupOfCandidate().length
                        + " candidates; the problem has " + n);
            }
            if (spacing != null && spacing.conflictsOfCandidate().length != n) {
                throw new IllegalArgumentException("the spacing names conflicts of " + spacing.conflictsOfCandidate().length
                        + " candidates; the problem has " + n);
            }
            return constrainedMclp(problem, options, quotas, spacing);
        }
        return options.model() == SitingModel.MCLP ? mclp(problem, options) : lscp(problem, options);
    }

    private SitingResult constrainedMclp(SitingProblem problem, SitingOptions o, SitingQuotas quotas, SitingSpacing spacing) {
        long start = System.nanoTime();
        long deadline = start + (long) (o.timeLimitSeconds() * 1e9);
        report("reducing", Double.NaN, Double.NaN);
        ReducedProblem m = ReducedProblem.of(problem, false, quotas == null ? null : quotas.groupOfCandidate(), spacing == null);
        long reduced = System.nanoTime();
        int p = o.newSites();
        int[] colGroup = quotas == null ? new int[m.colCount()] : Arrays.stream(m.column).map(quotas::groupOf).toArray();
        if (quotas == null) {
            Arrays.fill(colGroup, -1);
        }
        int[] caps = quotas == null ? new int[0] : quotas.maxNewSites();
        int[][] conflicts = null;
        if (spacing != null) {
            int[] columnOf = new int[problem.candidateCount()];
            Arrays.fill(columnOf, -1);
            for (int c = 0; c < m.colCount(); c++) {
                columnOf[m.column[c]] = c;
            }
            conflicts = new int[m.colCount()][];
            for (int c = 0; c < m.colCount(); c++) {
                conflicts[c] = Arrays.stream(spacing.conflictsOfCandidate()[m.column[c]]).map(j -> columnOf[j]).filter(k -> k >= 0)
                        .toArray();
            }
        }
        long placeable = quotas == null ? Long.MAX_VALUE : quotas.placeable();
        String fewer = placeable < p ? "the quotas and the candidates leave room for " + placeable + " of the " + p
                + " new sites" : null;
        report("heuristic", Double.NaN, Double.NaN);
        long heuristicDeadline = o.exact() ? start + (deadline - start) / 6 : deadline;
        int[] heuristic = MclpQuotaSearch.solve(m, p, colGroup, caps, conflicts, o.heuristicIterations() / 4, o.seed(),
                heuristicDeadline, () -> cancelled);
        double heuristicValue = m.covered(heuristic);
        long afterHeuristic = System.nanoTime();
        // the side constraints only lower the optimum: the bounds without them hold
        double simpleBound = Math.min(m.reachableWeight, topColumnWeights(m, p));
        report("heuristic", heuristicValue, simpleBound);
        SitingResult r;
        if (!o.exact() || cancelled || m.colCount() == 0) {
            // the LP relaxation with the caps says how far the answer may be from the optimum (a thirtieth of the time)
            double bound = simpleBound;
            if (!cancelled && m.colCount() > 0 && heuristicValue < simpleBound - 1e-6) {
                // without the conflict pairs: on the demo's 100 m grid a 400 m spacing makes 246,609 of them, which kept
                // GLOP past a 2 s share, and its pairwise relaxation is hardly tighter (x = 1/2 satisfies every pair)
                double lp = mip.mclpLpBoundConstrained(m, p, colGroup, caps, null,
                        Math.min(remainingSeconds(deadline), o.timeLimitSeconds() / 30));
                bound = Double.isNaN(lp) ? bound : Math.min(bound, lp);
            }
            SolveStatus status = heuristicValue >= bound - 1e-6 ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
            report("done", heuristicValue, bound);
            r = result(problem, o, m, status, cancelled ? "cancelled" : null, heuristicValue, bound, heuristic,
                    heuristicValue, start, reduced, System.nanoTime(), 0, 0);
        } else {
            report("exact search", heuristicValue, simpleBound);
            // one SCIP thread, as for the MCLP without side constraints: on two, SCIP's concurrent copies ended a
            // 10 s limit after 0.3 s without a solution on a 111-site instance with a minimum spacing (2026-12-04)
            SitingMip.Outcome exact = mip.mclpConstrained(m, p, colGroup, caps, conflicts, heuristic, remainingSeconds(deadline),
                    1);
            r = exactResult(problem, o, m, exact, heuristic, heuristicValue, simpleBound, start, reduced, afterHeuristic);
        }
        int placed = r.proposals().size();
        String reason = r.reason() != null ? r.reason() : fewer != null ? fewer : placed >= p ? null
                : placed + " of the " + p + " new sites placed: more would break " + (spacing == null ? "the quotas"
                        : quotas == null ? "the minimum spacing" : "the quotas or the minimum spacing") + ", or cover nobody new";
        return Objects.equals(reason, r.reason()) ? r : new SitingResult(r.model(), r.status(), reason, r.objective(), r.bound(),
                r.proposals(), r.totalWeight(), r.existingCoveredWeight(), r.unreachableWeight(), r.heuristicObjective(),
                r.timings());
    }

    private SitingResult mclp(SitingProblem problem, SitingOptions o) {
        long start = System.nanoTime();
        long deadline = start + (long) (o.timeLimitSeconds() * 1e9);
        report("reducing", Double.NaN, Double.NaN);
        ReducedProblem m = ReducedProblem.of(problem, false);
        long reduced = System.nanoTime();
        int p = o.newSites();
        synchronized (this) {
            bestLagrangian = Double.POSITIVE_INFINITY;
            lagrangianAnswer = null;
        }
        if (m.colCount() <= p) {
            // every useful site fits: all reachable demand gets covered
            int[] all = new int[m.colCount()];
            Arrays.setAll(all, k -> k);
            String reason = m.colCount() < p
                    ? "only " + m.colCount() + " candidate sites add coverage; the other " + (p - m.colCount()) + " would cover nobody new"
                    : null;
            return result(problem, o, m, SolveStatus.OPTIMAL, reason, m.reachableWeight, m.reachableWeight, all,
                    m.reachableWeight, start, reduced, System.nanoTime(), 0, 0);
        }
        report("heuristic", Double.NaN, Double.NaN);
        double simpleBound = Math.min(m.reachableWeight, topColumnWeights(m, p));
        // a heuristic answer alone comes with the Lagrangian and LP bounds; with a second thread they are solved meanwhile
        SitingMip lpMip = new SitingMip();
        lpSolve = lpMip;
        if (cancelled) {
            lpMip.cancel();
        }
        long boundSlice = (deadline - start) / 30;
        long lagrangianSlice = (deadline - start) / LAGRANGIAN_SHARE;
        // beside a heuristic answer alone: first the Lagrangian bound, whose own answer may prove optimal and
        // end the heuristic, then the LP
        AtomicBoolean provenOptimal = new AtomicBoolean();
        AtomicBoolean boundGivenUp = new AtomicBoolean();
        CompletableFuture<Double> lpBound = !o.exact() && o.threads() > 1
                ? CompletableFuture.supplyAsync(() -> {
                    lagrangianBound(m, p, start, lagrangianSlice, simpleBound, boundGivenUp::get);
                    if (lagrangianProvesOptimal(m, simpleBound)) {
                        provenOptimal.set(true);
                        return Double.POSITIVE_INFINITY;
                    }
                    return boundGivenUp.get() ? Double.POSITIVE_INFINITY : lpBoundOrInfinity(lpMip, m, p, deadline);
                })
                : null;
        SitingMip mergeMip = new SitingMip();
        merges = mergeMip;
        if (cancelled) {
            mergeMip.cancel();
        }
        MclpAdaptiveSearch search = new MclpAdaptiveSearch(m, p, o.seed(),
                (columns, hint, seconds) -> mergeMip.mclpOver(m, p, columns, hint, seconds), this::heuristicImproved);
        AtomicBoolean searchEnded = new AtomicBoolean();
        boolean alongside = o.exact() && o.threads() > 1;
        CompletableFuture<int[]> running;
        int[] heuristic;
        if (alongside) {
            // The adaptive search runs from start to end on a second thread. SCIP starts from its best answer
            // after the rounds asked for or a 120th of the time, whichever comes first, and not before the
            // Lagrangian bound below has ended (SCIP's proof hardly depends on that start: NewYork p = 50 took
            // 5.7 s from the optimum, 5.5 s without a hint; starting after 0.5 s instead of 2 s, p = 50 and 60 were
            // proven 2 s sooner, 2026-12-02); the better final answer is kept.
            long rounds = o.heuristicIterations() == 0 ? 0 : Long.MAX_VALUE;
            running = CompletableFuture.supplyAsync(() -> search.run(rounds, deadline, () -> cancelled || searchEnded.get()));
            // until then, and until it ends (a sixth of the time, half while trivial), this thread computes the Lagrangian
            // bound: a bound even where SCIP's root takes longer than the limit (San Francisco, 5,137 nodes at
            // 600 m; a 300 x 300 grid of 100 m cells at 300 m: the descent needs about 10 s, GLOP over 3 minutes)
            long scipStart = start + (deadline - start) / SCIP_START_SHARE;
            lagrangianBound(m, p, start, lagrangianSlice, simpleBound, () -> false);
            report("heuristic", Double.NaN, Math.min(bestLagrangian(), simpleBound));
            // an answer of the Lagrangian steps that meets the bound is optimal: no need to wait for the search
            heuristic = lagrangianProvesOptimal(m, simpleBound) ? lagrangianAnswer()
                    : bestAt(search, running, o.heuristicIterations(), scipStart);
        } else {
            // alone, the heuristic gets a sixth of the time before the Lagrangian bound (another sixth, half while trivial)
            // and the exact search; for an answer alone, the time left after the Lagrangian bound, computed first
            // on this thread unless it runs on a second one (its answer, if it meets the bound, ends the heuristic)
            if (!o.exact() && lpBound == null) {
                lagrangianBound(m, p, start, lagrangianSlice, simpleBound, () -> false);
                provenOptimal.set(lagrangianProvesOptimal(m, simpleBound));
            }
            long heuristicDeadline = o.exact() ? start + (deadline - start) / 6 : deadline;
            heuristic = search.run(o.heuristicIterations(), heuristicDeadline, () -> cancelled || provenOptimal.get());
            running = CompletableFuture.completedFuture(heuristic);
            if (o.exact()) {
                lagrangianBound(m, p, System.nanoTime(), lagrangianSlice, simpleBound, () -> false);
            }
        }
        double heuristicValue = m.covered(heuristic);
        long afterHeuristic = System.nanoTime();
        double bound = Math.min(simpleBound, bestLagrangian());
        if (!o.exact() && !cancelled && heuristicValue < bound - 1e-9) {
            // so that a heuristic answer says how far from the optimum it can be at most: beside it, the bounds waited
            // for a thirtieth of the time at most (never past the deadline), then given up with the best so far;
            // alone, the LP in the time the heuristic left
            double lp;
            if (lpBound != null) {
                try {
                    lp = lpBound.get(Math.max(1, Math.min(boundSlice, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    giveUp(boundGivenUp, lpMip); // slower than the heuristic and a thirtieth of the time
                    lp = lpBound.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    giveUp(boundGivenUp, lpMip);
                    lp = lpBound.join();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the LP bound failed", e.getCause());
                }
            } else {
                lp = deadline - System.nanoTime() > MIN_LP_NANOS ? lpBoundOrInfinity(lpMip, m, p, deadline)
                        : Double.POSITIVE_INFINITY;
            }
            bound = Math.min(bound, Math.min(lp, bestLagrangian()));
            afterHeuristic = System.nanoTime();
        }
        // the Lagrangian steps' own best answer (the Lagrangian heuristic) where it covers more
        heuristic = betterOfLagrangian(m, heuristic);
        heuristicValue = m.covered(heuristic);
        report("heuristic done", heuristicValue, bound);
        if (!o.exact() || cancelled || heuristicValue >= bound - 1e-9) {
            searchEnded.set(true);
            mergeMip.cancel();
            int[] last = running.join();
            if (m.covered(last) > heuristicValue) {
                heuristic = last;
                heuristicValue = m.covered(last);
            }
            SolveStatus status = heuristicValue >= bound - 1e-9 ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
            return result(problem, o, m, status, cancelled ? "cancelled" : null, heuristicValue, bound, heuristic, heuristicValue,
                    start, reduced, afterHeuristic, 0, 0);
        }
        if (alongside && m.pairCount() > SCIP_PROBE_PAIRS) {
            // a model this large: SCIP helps only where its root LP ends within the limit; GLOP's LP, given a
            // sixth of the time, tells (and is a bound where it ends). Where it does not end, this core runs a
            // second search instead of SCIP (a 300 x 300 grid, 2.8 million pairs, p = 200: four seeds of the
            // search alone ended a minute at 8,940,737 to 8,975,646, a spread of 0.4 %, where SCIP found nothing)
            report("LP probe", heuristicValue, bound);
            double lp = lpMip.mclpLpBound(m, p, Math.min((deadline - start) / 1e9 / LAGRANGIAN_SHARE,
                    (deadline - System.nanoTime()) / 2e9));
            if (!Double.isNaN(lp)) {
                bound = Math.min(bound, lp);
            } else if (!cancelled) {
                return secondSearch(problem, o, m, running, searchEnded, heuristic, bound, deadline, start, reduced, afterHeuristic);
            }
        }
        report("exact search", heuristicValue, bound);
        SitingMip.Outcome exact;
        try {
            exact = mip.mclp(m, p, heuristic, remainingSeconds(deadline), 1);
        } finally {
            // also when SCIP fails: the search beside it must not run on to the deadline
            searchEnded.set(true);
            mergeMip.cancel(); // a merge still running is cut short; the search keeps its best
        }
        int[] improved = running.join();
        double improvedValue = m.covered(improved);
        if (improvedValue > heuristicValue) {
            heuristic = improved;
        }
        return exactResult(problem, o, m, exact, heuristic, Math.max(heuristicValue, improvedValue), bound, start, reduced,
                afterHeuristic);
    }

    /**
     * Instead of SCIP, a second adaptive search (the next seed) on this core until the deadline, beside the first;
     * the best of both answers and {@code heuristic} is the answer, with {@code bound}.
     */
    private SitingResult secondSearch(SitingProblem problem, SitingOptions o, ReducedProblem m, CompletableFuture<int[]> running, AtomicBoolean searchEnded, int[] heuristic, double bound, long deadline, long start,
            long reduced, long afterHeuristic) {
        int p = o.newSites();
        report("second search", m.covered(heuristic), bound);
        SitingMip secondMip = new SitingMip();
        secondMerges = secondMip;
        if (cancelled) {
            secondMip.cancel();
        }
        MclpAdaptiveSearch second = new MclpAdaptiveSearch(m, p, o.seed() + 1,
                (columns, hint, seconds) -> secondMip.mclpOver(m, p, columns, hint, seconds), this::heuristicImproved);
        long rounds = o.heuristicIterations() == 0 ? 0 : Long.MAX_VALUE;
        int[] best = heuristic;
        try {
            best = better(m, best, second.run(rounds, deadline, () -> cancelled));
        } finally {
            searchEnded.set(true); // the first search ends at the deadline too; this only makes sure
        }
        best = better(m, best, running.join());
        double value = m.covered(best);
        SolveStatus status = value >= bound - 1e-9 ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        report("done", value, bound);
        return result(problem, o, m, status, cancelled ? "cancelled" : null, value, bound, best, value, start, reduced,
                afterHeuristic, 0, 0);
    }

    /** {@code a}, or {@code b} where that covers more. */
    private static int[] better(ReducedProblem m, int[] a, int[] b) {
        return m.covered(b) > m.covered(a) ? b : a;
    }

    /**
     * The heuristic's best answer once it has done {@code rounds} rounds or {@code atNanos} has passed
     * (or at its end, if sooner); waits for its first answer if it has none by then.
     */
    private static int[] bestAt(MclpAdaptiveSearch search, CompletableFuture<int[]> running, int rounds, long atNanos) {
        while (!running.isDone()) {
            int[] best = search.bestSoFar();
            if (best != null && (search.roundsDone() >= rounds || System.nanoTime() >= atNanos)) {
                return best;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return running.join();
    }

    private SitingResult lscp(SitingProblem problem, SitingOptions o) {
        long start = System.nanoTime();
        long deadline = start + (long) (o.timeLimitSeconds() * 1e9);
        boolean full = o.targetCoverage() >= 1;
        report("reducing", Double.NaN, Double.NaN);
        ReducedProblem m = ReducedProblem.of(problem, full);
        long reduced = System.nanoTime();
        double total = problem.totalWeight();
        if (full && m.unreachableCount > 0) {
            String reason = String.format(Locale.ROOT,
                    "%d demand units (weight %s) have no candidate site within reach, the first being demand unit %d;"
                            + " no set of new sites covers all demand: lower the target coverage, widen the radius or add candidates",
                    m.unreachableCount, number(m.unreachableWeight), m.firstUnreachable);
            return result(problem, o, m, SolveStatus.INFEASIBLE, reason, Double.NaN, Double.NaN, new int[0], Double.NaN,
                    start, reduced, reduced, 0, 0);
        }
        double required = full ? Double.NaN : o.targetCoverage() * total - m.existingWeight;
        if (!full && required <= 1e-9) {
            return result(problem, o, m, SolveStatus.OPTIMAL,
                    "the existing facilities already cover " + percent(m.existingWeight / total) + " of the demand",
                    0, 0, new int[0], 0, start, reduced, reduced, 0, 0);
        }
        if (!full && required > m.reachableWeight + 1e-9) {
            String reason = String.format(Locale.ROOT,
                    "a target of %s needs weight %s covered by new sites, but at most %s is within reach of any candidate"
                            + " (existing facilities cover %s)",
                    percent(o.targetCoverage()), number(required), number(m.reachableWeight), percent(m.existingWeight / total));
            return result(problem, o, m, SolveStatus.INFEASIBLE, reason, Double.NaN, Double.NaN, new int[0], Double.NaN,
                    start, reduced, reduced, 0, 0);
        }
        if (m.rowCount() == 0) {
            return result(problem, o, m, SolveStatus.OPTIMAL, "the existing facilities already cover all demand", 0, 0,
                    new int[0], 0, start, reduced, reduced, 0, 0);
        }
        report("heuristic", Double.NaN, Double.NaN);
        int[] heuristic = LscpGreedy.solve(m, required);
        long afterHeuristic = System.nanoTime();
        double heuristicValue = heuristic.length;
        double bound = fewestSites(problem, required);
        if (!cancelled && heuristicValue > bound) {
            // the Lagrangian bound first (a sixth of the time at most): it holds where the LP is too slow to solve,
            // as over a city's regular grid; for the exact search too, whose root may not end in the time
            long until = System.nanoTime() + (deadline - start) / LAGRANGIAN_SHARE;
            LscpLagrangianBound.Result lagrangian = LscpLagrangianBound.compute(m, required, heuristic.length,
                    LAGRANGIAN_ITERATIONS, () -> cancelled || System.nanoTime() > until);
            bound = Math.max(bound, lagrangian.bound());
            heuristic = smaller(heuristic, lagrangian.bestCover());
            if (full) {
                heuristic = exchanged(m, heuristic, deadline);
            } else if (!cancelled) {
                heuristic = smaller(heuristic, thinnedCover(problem, m, required, start, deadline));
            }
            heuristicValue = heuristic.length;
            afterHeuristic = System.nanoTime();
        }
        if (!o.exact() && !cancelled && heuristicValue > bound && deadline - System.nanoTime() > MIN_LP_NANOS) {
            // after the Lagrangian bound the LP adds little: a thirtieth of the time at most, so that a heuristic
            // answer stays quick where the LP does not solve (a city grid: it ran to the limit)
            double lpSeconds = Math.min((deadline - System.nanoTime()) / 1e9, o.timeLimitSeconds() / 30);
            double lp = mip.lscpLpBound(m, required, lpSeconds);
            bound = Double.isNaN(lp) ? bound : Math.max(bound, lp);
            afterHeuristic = System.nanoTime();
        }
        report("heuristic done", heuristicValue, bound);
        if (!o.exact() || cancelled || heuristicValue <= bound) {
            SolveStatus status = heuristicValue <= bound ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
            return result(problem, o, m, status, cancelled ? "cancelled" : null, heuristicValue, bound, heuristic, heuristicValue,
                    start, reduced, afterHeuristic, 0, 0);
        }
        report("exact search", heuristicValue, bound);
        // beside SCIP, on a second thread, the iterated local search from the heuristic answer until SCIP ends
        AtomicBoolean exactEnded = new AtomicBoolean();
        int[] searchStart = heuristic;
        CompletableFuture<int[]> iterated = full && o.threads() > 1
                ? CompletableFuture.supplyAsync(() -> LscpIteratedSearch.run(m, searchStart, o.seed(), Long.MAX_VALUE,
                        () -> cancelled || exactEnded.get() || System.nanoTime() > deadline, this::heuristicImproved))
                : null;
        SitingMip.Outcome exact;
        try {
            // one SCIP thread: with more, SCIP runs concurrent copies of the model, which on a 300 x 300 grid (2.8
            // million pairs) ran 6.4 s past a 30 s limit (a single copy: 0.01 s past)
            exact = mip.lscp(m, required, heuristic, remainingSeconds(deadline), 1);
        } finally {
            exactEnded.set(true);
        }
        if (iterated != null) {
            int[] smaller = iterated.join();
            if (smaller.length < heuristic.length) {
                heuristic = smaller;
                heuristicValue = smaller.length;
            }
        }
        return exactResult(problem, o, m, exact, heuristic, heuristicValue, bound, start, reduced, afterHeuristic);
    }

    /**
     * For a target coverage: a cover of all the reachable demand, made on its own model for full covering
     * (implied rows dropped: on a 120 x 120 grid its covers need 589 sites, 606 on the partial model) by the
     * greedy, the Lagrangian covers (a twelfth of the time at most) and the exchanges, then thinned to the
     * required weight by the reverse greedy. Over a city grid far fewer sites than the greedy's for the
     * weight (95 %: 2,774 against 3,088). Columns of {@code m}, ascending.
     */
    private int[] thinnedCover(SitingProblem problem, ReducedProblem m, double required, long start, long deadline) {
        ReducedProblem whole = ReducedProblem.of(problem, true);
        int[] cover = LscpGreedy.solve(whole, Double.NaN);
        long until = System.nanoTime() + (deadline - start) / (2 * LAGRANGIAN_SHARE);
        cover = smaller(cover, LscpLagrangianBound.compute(whole, cover.length, LAGRANGIAN_ITERATIONS,
                () -> cancelled || System.nanoTime() > until).bestCover());
        cover = exchanged(whole, cover, deadline);
        int[] columnOf = new int[problem.coverage().candidateCount()];
        Arrays.fill(columnOf, -1);
        for (int j = 0; j < m.colCount(); j++) {
            columnOf[m.column[j]] = j;
        }
        // every site of the whole model's cover is a column of m (whose reductions drop no more candidates)
        int[] inM = Arrays.stream(cover).map(j -> columnOf[whole.column[j]]).filter(j -> j >= 0).sorted().toArray();
        return m.covered(inM) >= required - 1e-9 ? LscpGreedy.dropTo(m, inM, required) : new int[0];
    }

    /** {@code cover}, or {@code other} where that is a smaller one (an empty {@code other} is none). */
    private static int[] smaller(int[] cover, int[] other) {
        return other.length > 0 && other.length < cover.length ? other : cover;
    }

    /** A full cover after the drops and 2-for-1 exchanges of {@link LscpSwapSearch} (until the deadline). */
    private int[] exchanged(ReducedProblem m, int[] cover, long deadline) {
        return LscpSwapSearch.improve(m, cover, () -> cancelled || System.nanoTime() > deadline);
    }

    private SitingResult exactResult(SitingProblem problem, SitingOptions o, ReducedProblem m, SitingMip.Outcome exact,
            int[] heuristic, double heuristicValue, double fallbackBound, long start, long reduced, long afterHeuristic) {
        boolean maximise = maximising; // set by run() on this thread
        boolean exactBetter = !Double.isNaN(exact.objective())
                && (maximise ? exact.objective() >= heuristicValue - 1e-9 : exact.objective() <= heuristicValue + 1e-9);
        int[] chosen = exactBetter ? exact.chosenColumns() : heuristic;
        double objective = exactBetter ? exact.objective() : heuristicValue;
        double bound = Double.isNaN(exact.bound()) ? fallbackBound
                : maximise ? Math.min(fallbackBound, exact.bound()) : Math.max(fallbackBound, exact.bound());
        SolveStatus status = exact.status() == SolveStatus.OPTIMAL && exactBetter ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        if (maximise ? objective >= bound - 1e-6 : objective <= bound + 1e-6) {
            status = SolveStatus.OPTIMAL;
        }
        if (maximise) {
            objective = m.covered(chosen); // the exact value from the coverage, not the solver's float
        } else {
            objective = chosen.length;
        }
        report("done", objective, bound);
        return result(problem, o, m, status, cancelled ? "cancelled" : null, objective, bound, chosen, heuristicValue, start,
                reduced, afterHeuristic, exact.buildMillis(), exact.solveMillis());
    }

    private SitingResult result(SitingProblem problem, SitingOptions o, ReducedProblem m, SolveStatus status, String reason,
            double objective, double bound, int[] chosenColumns, double heuristicValue, long start, long reduced,
            long afterHeuristic, long buildMillis, long solveMillis) {
        int[] candidates = Arrays.stream(chosenColumns).map(j -> m.column[j]).toArray();
        List<SitingProposal> proposals = rank(problem, candidates);
        SitingResult.Timings timings = new SitingResult.Timings((reduced - start) / 1_000_000,
                (afterHeuristic - reduced) / 1_000_000, buildMillis, solveMillis);
        return new SitingResult(o.model(), status, reason, objective, bound, proposals, problem.totalWeight(),
                m.existingWeight, m.unreachableWeight, heuristicValue, timings);
    }

    /** Greedy order of the chosen sites by what each newly covers given existing and earlier sites. */
    static List<SitingProposal> rank(SitingProblem problem, int[] candidates) {
        int[][] demandsOf = problem.coverage().demandsOfCandidateView();
        boolean[] covered = problem.coveredByExisting();
        boolean[] placed = new boolean[candidates.length];
        List<SitingProposal> out = new ArrayList<>();
        for (int rank = 1; rank <= candidates.length; rank++) {
            int best = -1;
            double bestGain = -1;
            for (int k = 0; k < candidates.length; k++) {
                if (placed[k]) {
                    continue;
                }
                double g = 0;
                for (int i : demandsOf[candidates[k]]) {
                    if (!covered[i]) {
                        g += problem.weight(i);
                    }
                }
                if (g > bestGain || (g == bestGain && candidates[k] < candidates[best])) {
                    bestGain = g;
                    best = k;
                }
            }
            placed[best] = true;
            for (int i : demandsOf[candidates[best]]) {
                covered[i] = true;
            }
            out.add(new SitingProposal(candidates[best], rank, bestGain));
        }
        return out;
    }


    /**
     * {@link MclpLagrangianBound} for at most {@value #LAGRANGIAN_ITERATIONS} steps, until {@code stop}, and
     * until {@code sliceNanos} after {@code fromNanos} once its bound is below {@code trivialBound}, else until
     * {@value #LAGRANGIAN_MAX_SHARES} such slices; also kept as the least one found in this solve.
     */
    private double lagrangianBound(ReducedProblem m, int p, long fromNanos, long sliceNanos, double trivialBound,
            BooleanSupplier stop) {
        long until = fromNanos + sliceNanos;
        long latest = fromNanos + LAGRANGIAN_MAX_SHARES * sliceNanos;
        MclpLagrangianBound.Result r = MclpLagrangianBound.compute(m, p, this::reachableSoFar, LAGRANGIAN_ITERATIONS,
                least -> {
                    long now = System.nanoTime();
                    return cancelled || stop.getAsBoolean() || now > latest || (now > until && least < trivialBound);
                });
        synchronized (this) {
            bestLagrangian = Math.min(bestLagrangian, r.bound());
            if (r.bestSelection().length == p && (lagrangianAnswer == null || r.bestPrimal() > m.covered(lagrangianAnswer))) {
                lagrangianAnswer = r.bestSelection();
            }
        }
        return r.bound();
    }

    /**
     * Whether the Lagrangian steps' best answer meets the least bound known (theirs or {@code otherBound}):
     * then it is optimal.
     */
    private synchronized boolean lagrangianProvesOptimal(ReducedProblem m, double otherBound) {
        return lagrangianAnswer != null && m.covered(lagrangianAnswer) >= Math.min(bestLagrangian, otherBound) - 1e-9;
    }

    private synchronized int[] lagrangianAnswer() {
        return lagrangianAnswer;
    }

    /** {@code heuristic}, or the Lagrangian steps' best answer where that covers more. */
    private synchronized int[] betterOfLagrangian(ReducedProblem m, int[] heuristic) {
        return lagrangianAnswer != null && m.covered(lagrangianAnswer) > m.covered(heuristic) ? lagrangianAnswer : heuristic;
    }

    /** The best objective reported in this solve (the heuristic's), 0 before one: steers the Lagrangian steps. */
    private synchronized double reachableSoFar() {
        return Double.isNaN(reportedObjective) ? 0 : reportedObjective;
    }

    private synchronized double bestLagrangian() {
        return bestLagrangian;
    }

    /** The LP relaxation's optimum (GLOP) within the time left, or +∞ if not solved by then or cancelled. */
    private static double lpBoundOrInfinity(SitingMip lpMip, ReducedProblem m, int p, long deadline) {
        double lp = lpMip.mclpLpBound(m, p, Math.max(MIN_LP_NANOS, deadline - System.nanoTime()) / 1e9);
        return Double.isNaN(lp) ? Double.POSITIVE_INFINITY : lp;
    }

    /** Stops the bounds computed beside a heuristic answer: the Lagrangian steps keep their best so far, the LP none. */
    private static void giveUp(AtomicBoolean boundGivenUp, SitingMip lpMip) {
        boundGivenUp.set(true);
        lpMip.cancel();
    }

    /**
     * The fewest new sites that can cover {@code required} weight of the demand the existing facilities leave
     * (NaN: all of it that is within reach), by counting on the demand units themselves: the least k whose
     * k heaviest candidates (in that demand) together weigh that much, and for all of it also the units over
     * the most units one candidate reaches, rounded up; at least 1. A bound that holds before any search,
     * whatever the time left: over a 120 x 120 grid at 300 m, 14,400 cells and at most 32 a site give 450
     * sites, where half a second of Lagrangian steps gave 443 to 470.
     */
    static int fewestSites(SitingProblem problem, double required) {
        boolean full = Double.isNaN(required);
        int[][] candidatesOf = problem.coverage().candidatesOfDemandView();
        double[] weight = new double[problem.candidateCount()];
        int[] units = new int[problem.candidateCount()];
        double reachable = 0;
        int unitCount = 0;
        for (int i = 0; i < problem.demandCount(); i++) {
            double w = problem.weight(i);
            if (w <= 0 || problem.isCoveredByExisting(i) || candidatesOf[i].length == 0) {
                continue;
            }
            reachable += w;
            unitCount++;
            for (int c : candidatesOf[i]) {
                weight[c] += w;
                units[c]++;
            }
        }
        double need = full ? reachable : required;
        Arrays.sort(weight);
        int k = 0;
        double sum = 0;
        // the tolerance of the covered-weight checks elsewhere: sums in another order may differ by rounding
        while (k < weight.length && sum < need - 1e-9 * Math.max(1, need)) {
            sum += weight[weight.length - 1 - k];
            k++;
        }
        int mostUnits = Arrays.stream(units).max().orElse(0);
        if (full && mostUnits > 0) {
            k = Math.max(k, (unitCount + mostUnits - 1) / mostUnits);
        }
        return Math.max(1, k);
    }

    /** Σ of the p largest site weights: a bound no p sites can beat. */
    private static double topColumnWeights(ReducedProblem m, int p) {
        double[] w = new double[m.colCount()];
        for (int j = 0; j < w.length; j++) {
            for (int r : m.colRows[j]) {
                w[j] += m.rowWeight[r];
            }
        }
        Arrays.sort(w);
        double sum = 0;
        for (int k = 0; k < p && k < w.length; k++) {
            sum += w[w.length - 1 - k];
        }
        return sum;
    }

    private static double remainingSeconds(long deadline) {
        return Math.max(0.5, (deadline - System.nanoTime()) / 1e9);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
