package org.sanimap.engine.siting;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The exact siting models on a {@link ReducedProblem}, solved by SCIP from OR-Tools, warm-started
 * with a heuristic solution, under a time limit, and cancellable from another thread.
 *
 * <pre>
 * MCLP  (Church and ReVelle 1974)            LSCP  (Toregas et al. 1971), full or partial
 * max  Σ_i w_i y_i                           min  Σ_j x_j
 * s.t. y_i ≤ Σ_{j ∈ N_i} x_j   ∀ i           s.t. Σ_{j ∈ N_i} x_j ≥ 1   ∀ i          (full)
 *      Σ_j x_j = p                                or y_i ≤ Σ_{j ∈ N_i} x_j, Σ_i w_i y_i ≥ W  (partial)
 *      x ∈ {0,1}, 0 ≤ y ≤ 1                       x ∈ {0,1}, 0 ≤ y ≤ 1
 * </pre>
 * With x binary an optimal y is 0/1, so y stays continuous.
 */
final class SitingMip {

    /** What the search ended with; objective and bound in the reduced problem's terms. */
    record Outcome(SolveStatus status, double objective, double bound, int[] chosenColumns, long buildMillis,
            long solveMillis) {
    }

    /** Frees solvers' native models off the solving thread (see {@link #deleteLater}). */
    private static final ExecutorService CLEANER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sanimap-solver-cleanup");
        t.setDaemon(true);
        return t;
    });

    /** Repeats the interrupt of a cancelled solve until the solve returns (see {@link #interruptUntilReturned}). */
    private static final ScheduledExecutorService INTERRUPTER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sanimap-solver-interrupt");
        t.setDaemon(true);
        return t;
    });

    /** How often a cancelled solve that has not yet returned is interrupted again. */
    private static final long REINTERRUPT_MILLIS = 50;

    private final Object lock = new Object();
    private MPSolver running;
    private boolean cancelled;

    /** Stops a running search (it returns its best solution so far) and any later one. */
    void cancel() {
        synchronized (lock) {
            cancelled = true;
            if (running != null) {
                interruptUntilReturned(running);
            }
        }
    }

    /**
     * Interrupts {@code solver} now and again every {@value #REINTERRUPT_MILLIS} ms for as long as its solve has
     * not returned. One interrupt is not enough: SCIP clears its interrupt flag when its own solve starts, after
     * OR-Tools has handed it the model, so an interrupt sent during the handover was lost and the search ran on
     * to its time limit (a 120 x 120 grid LSCP cancelled 80 ms after the call: 60 s, 2026-12-02).
     */
    private void interruptUntilReturned(MPSolver solver) {
        synchronized (lock) {
            if (running != solver) {
                return;
            }
            solver.interruptSolve();
        }
        INTERRUPTER.schedule(() -> interruptUntilReturned(solver), REINTERRUPT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * SCIP settings for MCLP: the primal heuristics that cost most are off, since the heuristic
     * supplies the warm start and keeps improving it beside the search, and the root runs at most 10
     * separation rounds. On NewYork p = 70 (SCIP alone on one thread, 2026-11-26) this took the gap
     * from 0.09 % after 50 s to a proof in 44 s; beside the heuristic, on a 2-core machine, that proof
     * takes about a minute (BENCHMARKS.md). No restarts: SCIP restarted the search after the root's
     * reduced-cost fixings, solving the root LP afresh each time; on NewYork (SCIP alone, one thread,
     * 2026-12-02) p = 50 took 5.5 s to the proof without restarts instead of 10.5 s, p = 60 11.4 s instead
     * of 13.7 s (12.8 s instead of 29.5 s from the optimum as hint), p = 70 about a minute either way.
     */
    static final String MCLP_SCIP_PARAMETERS = String.join("\n",
            "heuristics/rens/freq = -1", "heuristics/rins/freq = -1", "heuristics/crossover/freq = -1",
            "heuristics/farkasdiving/freq = -1", "heuristics/conflictdiving/freq = -1", "heuristics/locks/freq = -1",
            "heuristics/alns/freq = -1", "heuristics/shiftandpropagate/freq = -1", "heuristics/distributiondiving/freq = -1",
            "heuristics/fracdiving/freq = -1", "heuristics/guideddiving/freq = -1", "heuristics/linesearchdiving/freq = -1",
            "heuristics/pscostdiving/freq = -1", "heuristics/veclendiving/freq = -1", "heuristics/coefdiving/freq = -1",
            "separating/maxroundsroot = 10", "presolving/maxrestarts = 0");

    Outcome mclp(ReducedProblem m, int p, int[] hint, double seconds, int threads) {
        long t0 = System.nanoTime();
        MPSolver solver = newSolver("SCIP");
        if (!solver.setSolverSpecificParametersAsString(MCLP_SCIP_PARAMETERS)) {
            throw new IllegalStateException("SCIP refused the MCLP parameters");
        }
        MPVariable[] x = solver.makeBoolVarArray(m.colCount());
        MPObjective objective = mclpModel(solver, x, m, p);
        return run(solver, x, objective, hint, secondsLeft(seconds, t0), threads, t0);
    }

    /**
     * The solver's share of a time limit counted from {@code t0}, the start of the call: building a large
     * model is part of the limit, and so is handing it to the solver (SCIP or GLOP), which happens inside
     * the solve before the solver's clock starts and takes longer than the build. For SCIP on 90,000 sites
     * and 2.8 million pairs the solve ran 0.8 to 1.7 s past its limit after builds of 0.3 to 1 s, 1.7 to
     * 2.4 times the build (2026-12-02); so {@value #HANDOVER_PER_BUILD} times the build time is kept back.
     */
    private static double secondsLeft(double seconds, long t0) {
        return seconds - (1 + HANDOVER_PER_BUILD) * (System.nanoTime() - t0) / 1e9;
    }

    /** The time kept back for handing a model to the solver, per unit of time spent building it. */
    static final double HANDOVER_PER_BUILD = 2.5;

    /**
     * The MCLP restricted to {@code columns} (every other site closed), warm-started with {@code hint}
     * (p of those columns), with SCIP's default settings: the merge step of {@link MclpAdaptiveSearch}.
     * Returns the best selection found, ascending reduced columns, or {@code hint} when none was found
     * in the time (or the search was cancelled).
     */
    int[] mclpOver(ReducedProblem m, int p, int[] columns, int[] hint, double seconds) {
        long t0 = System.nanoTime();
        MPSolver solver = newSolver("SCIP");
        int[] local = new int[m.colCount()];
        Arrays.fill(local, -1);
        for (int k = 0; k < columns.length; k++) {
            local[columns[k]] = k;
        }
        MPVariable[] x = solver.makeBoolVarArray(columns.length);
        MPObjective objective = mclpModel(solver, x, m, p, local);
        int[] localHint = Arrays.stream(hint).map(j -> local[j]).toArray();
        Outcome outcome = run(solver, x, objective, localHint, seconds, 1, t0);
        if (!ScipResults.hasSolution(outcome.status()) || outcome.chosenColumns().length != p) {
            return hint;
        }
        return Arrays.stream(outcome.chosenColumns()).map(k -> columns[k]).sorted().toArray();
    }

    /**
     * The LP relaxation's optimum (GLOP): an upper bound on the MCLP objective for a heuristic answer
     * given without the exact search; NaN when the LP is not solved within the time or is cancelled.
     */
    double mclpLpBound(ReducedProblem m, int p, double seconds) {
        return mclpLpBound(m, p, null, null, null, seconds);
    }

    /** The LP relaxation of {@link #mclpConstrained} (GLOP): an upper bound; NaN when not solved in the time. */
    double mclpLpBoundConstrained(ReducedProblem m, int p, int[] colGroup, int[] caps, int[][] conflicts, double seconds) {
        return mclpLpBound(m, p, colGroup, caps, conflicts, seconds);
    }

    /** @param caps null: exactly p sites, no caps or conflicts; else at most p, the caps by {@code colGroup}, the conflicts */
    private double mclpLpBound(ReducedProblem m, int p, int[] colGroup, int[] caps, int[][] conflicts, double seconds) {
        long t0 = System.nanoTime();
        MPSolver solver = newSolver("GLOP");
        try {
            MPVariable[] x = solver.makeNumVarArray(m.colCount(), 0, 1);
            MPObjective objective = mclpModel(solver, x, m, p, null, caps != null);
            if (caps != null) {
                addQuotas(solver, x, colGroup, caps);
                addConflicts(solver, x, conflicts);
            }
            solver.setTimeLimit(Math.max(1, (long) (secondsLeft(seconds, t0) * 1000)));
            MPSolver.ResultStatus status = solveUnlessCancelled(solver, new MPSolverParameters());
            boolean interrupted;
            synchronized (lock) {
                interrupted = cancelled;
            }
            return status == MPSolver.ResultStatus.OPTIMAL && !interrupted ? objective.value() : Double.NaN;
        } finally {
            deleteLater(solver);
        }
    }

    /**
     * The LP relaxation's optimum rounded up: a lower bound on the number of LSCP sites; NaN when not
     * solved within the time or cancelled.
     */
    double lscpLpBound(ReducedProblem m, double requiredWeight, double seconds) {
        long t0 = System.nanoTime();
        MPSolver solver = newSolver("GLOP");
        try {
            MPVariable[] x = solver.makeNumVarArray(m.colCount(), 0, 1);
            MPObjective objective = lscpModel(solver, x, m, requiredWeight);
            solver.setTimeLimit(Math.max(1, (long) (secondsLeft(seconds, t0) * 1000)));
            MPSolver.ResultStatus status = solveUnlessCancelled(solver, new MPSolverParameters());
            boolean interrupted;
            synchronized (lock) {
                interrupted = cancelled;
            }
            return status == MPSolver.ResultStatus.OPTIMAL && !interrupted ? Math.ceil(objective.value() - 1e-6) : Double.NaN;
        } finally {
            deleteLater(solver);
        }
    }

    private static MPObjective mclpModel(MPSolver solver, MPVariable[] x, ReducedProblem m, int p) {
        return mclpModel(solver, x, m, p, null);
    }

    /**
     * The MCLP with side constraints: at most p new sites in all, at most {@code caps[g]} among the columns with
     * {@code colGroup[j] == g} (-1: no cap; {@link SitingQuotas}), and no two columns of a conflicting pair
     * ({@code conflicts}, null: none; {@link SitingSpacing}); SCIP with the MCLP settings, warm-started with
     * {@code hint}.
     */
    Outcome mclpConstrained(ReducedProblem m, int p, int[] colGroup, int[] caps, int[][] conflicts, int[] hint, double seconds,
            int threads) {
        long t0 = System.nanoTime();
        MPSolver solver = newSolver("SCIP");
        if (!solver.setSolverSpecificParametersAsString(MCLP_SCIP_PARAMETERS)) {
            throw new IllegalStateException("SCIP refused the MCLP parameters");
        }
        MPVariable[] x = solver.makeBoolVarArray(m.colCount());
        // the caps may leave room for fewer than p sites: at most p, then
        MPObjective objective = mclpModel(solver, x, m, p, null, true);
        addQuotas(solver, x, colGroup, caps);
        addConflicts(solver, x, conflicts);
        return run(solver, x, objective, hint, secondsLeft(seconds, t0), threads, t0);
    }

    /** x_j + x_k ≤ 1 for every pair of columns too close together (null: none). */
    private static void addConflicts(MPSolver solver, MPVariable[] x, int[][] conflicts) {
        if (conflicts == null) {
            return;
        }
        for (int j = 0; j < conflicts.length; j++) {
            for (int k : conflicts[j]) {
                if (k > j) {
                    MPConstraint pair = solver.makeConstraint(0, 1);
                    pair.setCoefficient(x[j], 1);
                    pair.setCoefficient(x[k], 1);
                }
            }
        }
    }

    /** Σ_{j: colGroup[j] = g} x_j ≤ caps[g] for every group g. */
    private static void addQuotas(MPSolver solver, MPVariable[] x, int[] colGroup, int[] caps) {
        MPConstraint[] quota = new MPConstraint[caps.length];
        for (int g = 0; g < caps.length; g++) {
            quota[g] = solver.makeConstraint(0, caps[g]);
        }
        for (int j = 0; j < x.length; j++) {
            if (colGroup[j] >= 0) {
                quota[colGroup[j]].setCoefficient(x[j], 1);
            }
        }
    }

    /**
     * The MCLP over the columns that have a variable: {@code variableOf[j]} is column j's index in
     * {@code x}, -1 for a column left out (null: every column j is {@code x[j]}). Rows that no column
     * of the model covers are left out too.
     */
    private static MPObjective mclpModel(MPSolver solver, MPVariable[] x, ReducedProblem m, int p, int[] variableOf) {
        return mclpModel(solver, x, m, p, variableOf, false);
    }

    /** @param atMostP true: at most p sites; false: exactly p */
    private static MPObjective mclpModel(MPSolver solver, MPVariable[] x, ReducedProblem m, int p, int[] variableOf,
            boolean atMostP) {
        MPObjective objective = solver.objective();
        for (int i = 0; i < m.rowCount(); i++) {
            MPConstraint link = null;
            for (int j : m.rowCols[i]) {
                int v = variableOf == null ? j : variableOf[j];
                if (v < 0) {
                    continue;
                }
                if (link == null) {
                    MPVariable y = solver.makeNumVar(0, 1, "y" + i);
                    objective.setCoefficient(y, m.rowWeight[i]);
                    link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                    link.setCoefficient(y, 1);
                }
                link.setCoefficient(x[v], -1);
            }
        }
        MPConstraint count = solver.makeConstraint(atMostP ? 0 : p, p);
        for (MPVariable v : x) {
            count.setCoefficient(v, 1);
        }
        objective.setMaximization();
        return objective;
    }

    /** @param requiredWeight NaN: cover every row; else the weight to cover */
    /**
     * SCIP settings for LSCP: at most 5 separation rounds at the root and none below it, and the large
     * neighbourhood heuristics off (the warm start comes from the Lagrangian covers and exchanges). On the
     * demo city (every resident, 33,201 pairs, 298 new toilets; 2026-12-02, six runs against three) the proof
     * took 15.4 to 22.1 s instead of 38.4 to 43.2 s with SCIP's defaults, and 95 % of the residents (211)
     * 14.9 to 16.6 s instead of 23.0 to 26.0 s; turning off the primal heuristics alone left it at 37.1 s.
     * Restarts stay on here, unlike for MCLP: without them the demo proofs took 18.9 to 21.7 s against 18.6
     * to 19.0 s with them (2026-12-02).
     */
    static final String LSCP_SCIP_PARAMETERS = String.join("\n",
            "separating/maxroundsroot = 5", "separating/maxrounds = 0", "heuristics/rins/freq = -1",
            "heuristics/rens/freq = -1", "heuristics/alns/freq = -1", "heuristics/crossover/freq = -1");

    Outcome lscp(ReducedProblem m, double requiredWeight, int[] hint, double seconds, int threads) {
        long t0 = System.nanoTime();
        MPSolver solver = newSolver("SCIP");
        if (!solver.setSolverSpecificParametersAsString(LSCP_SCIP_PARAMETERS)) {
            throw new IllegalStateException("SCIP refused the LSCP parameters");
        }
        MPVariable[] x = solver.makeBoolVarArray(m.colCount());
        MPObjective objective = lscpModel(solver, x, m, requiredWeight);
        return run(solver, x, objective, hint, secondsLeft(seconds, t0), threads, t0);
    }

    private static MPObjective lscpModel(MPSolver solver, MPVariable[] x, ReducedProblem m, double requiredWeight) {
        if (Double.isNaN(requiredWeight)) {
            for (int i = 0; i < m.rowCount(); i++) {
                MPConstraint covered = solver.makeConstraint(1, MPSolver.infinity());
                for (int j : m.rowCols[i]) {
                    covered.setCoefficient(x[j], 1);
                }
            }
        } else {
            MPConstraint target = solver.makeConstraint(requiredWeight, MPSolver.infinity());
            for (int i = 0; i < m.rowCount(); i++) {
                MPVariable y = solver.makeNumVar(0, 1, "y" + i);
                target.setCoefficient(y, m.rowWeight[i]);
                MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                link.setCoefficient(y, 1);
                for (int j : m.rowCols[i]) {
                    link.setCoefficient(x[j], -1);
                }
            }
        }
        MPObjective objective = solver.objective();
        for (MPVariable v : x) {
            objective.setCoefficient(v, 1);
        }
        objective.setMinimization();
        return objective;
    }

    private static MPSolver newSolver(String name) {
        Loader.loadNativeLibraries();
        MPSolver solver = MPSolver.createSolver(name);
        if (solver == null) {
            throw new IllegalStateException("the " + name + " solver of OR-Tools is not available");
        }
        return solver;
    }

    /**
     * Solves where {@link #cancel()} can interrupt it; null, without solving, if cancelled before the start.
     */
    private MPSolver.ResultStatus solveUnlessCancelled(MPSolver solver, MPSolverParameters parameters) {
        synchronized (lock) {
            if (cancelled) {
                return null;
            }
            running = solver;
        }
        try {
            return solver.solve(parameters);
        } finally {
            synchronized (lock) {
                running = null;
            }
        }
    }

    private Outcome run(MPSolver solver, MPVariable[] x, MPObjective objective, int[] hint, double seconds, int threads,
            long t0) {
        try {
            if (hint != null && hint.length > 0) {
                double[] values = new double[x.length];
                for (int j : hint) {
                    values[j] = 1;
                }
                solver.setHint(x, values);
            }
            solver.setTimeLimit(Math.max(1, (long) (seconds * 1000)));
            solver.setNumThreads(threads);
            long t1 = System.nanoTime();
            MPSolver.ResultStatus status = solveUnlessCancelled(solver, ScipResults.exactGap());
            if (status == null) {
                return new Outcome(SolveStatus.UNKNOWN, Double.NaN, Double.NaN, new int[0], (t1 - t0) / 1_000_000, 0);
            }
            long t2 = System.nanoTime();
            SolveStatus result = ScipResults.status(status);
            boolean solved = ScipResults.hasSolution(result);
            double value = solved ? objective.value() : Double.NaN;
            double bound = objective.bestBound();
            // a search stopped before its first bound (cancelled early, even before it read the hint) reports a
            // meaningless one; without a solution to check it against, none is trusted
            if (!solved || (objective.maximization() ? bound < value - 1e-6 : bound > value + 1e-6)) {
                bound = Double.NaN;
            }
            int[] chosen = solved ? ScipResults.chosen(x) : new int[0];
            return new Outcome(result, value, bound, chosen, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        } finally {
            deleteLater(solver);
        }
    }

    /**
     * Frees a solver's native model on a background thread once its answer has been read: on 2.8 million
     * pairs this takes 0.5 to 1.3 s, which the time limit would otherwise overrun by.
     */
    private static void deleteLater(MPSolver solver) {
        CLEANER.execute(solver::delete);
    }
}
