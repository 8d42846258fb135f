package org.sanimap.engine.siting;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Solves weighted set covering exactly with the SCIP mixed-integer solver shipped in OR-Tools
 * (CP-SAT with two workers could not prove scp41 optimal in a minute; LP-based branch and bound
 * proves the OR-Library instances in about a second each):
 *
 * <pre>
 * minimise   Σ_j c_j x_j
 * subject to Σ_{j ∈ N_i} x_j ≥ 1   for every row i     (N_i: the columns that cover row i)
 *            x_j ∈ {0, 1}
 * </pre>
 *
 * This is the location set covering problem (LSCP) of Toregas, Swain, ReVelle and Bergman (1971) with
 * site costs; N_i holds the candidate sites within the service radius of demand unit i. Costs must be
 * integers (so that optimality is exact); the OR-Library instances have integer costs. Reports the
 * objective, the best proven bound and the status within a time limit.
 */
public final class SetCoverSolver {

    private final double timeLimitSeconds;
    private final int workers;

    /**
     * @param timeLimitSeconds wall-clock limit for the search
     * @param workers          parallel search workers (the machine's cores is a good choice)
     */
    public SetCoverSolver(double timeLimitSeconds, int workers) {
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("time limit " + timeLimitSeconds + " s must be positive");
        }
        this.timeLimitSeconds = timeLimitSeconds;
        this.workers = Math.max(1, workers);
    }

    /** One-call entry point: 60 s, all cores. */
    public static SetCoverSolution solve(SetCoverInstance instance) {
        return new SetCoverSolver(60, Runtime.getRuntime().availableProcessors()).solveInstance(instance);
    }

    public SetCoverSolution solveInstance(SetCoverInstance instance) {
        Loader.loadNativeLibraries();
        long t0 = System.nanoTime();
        double[] costs = instance.columnCosts();
        long[] integerCosts = new long[costs.length];
        for (int j = 0; j < costs.length; j++) {
            if (costs[j] != Math.rint(costs[j]) || costs[j] < 0) {
                throw new IllegalArgumentException("column " + (j + 1) + " has cost " + costs[j] + "; costs must be non-negative integers");
            }
            integerCosts[j] = (long) costs[j];
        }
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("the SCIP solver of OR-Tools is not available");
        }
        MPVariable[] x = solver.makeBoolVarArray(costs.length);
        for (int i = 0; i < instance.rowCount(); i++) {
            MPConstraint covered = solver.makeConstraint(1, MPSolver.infinity());
            for (int j : instance.columnsOf(i)) {
                covered.setCoefficient(x[j], 1);
            }
        }
        MPObjective cost = solver.objective();
        for (int j = 0; j < x.length; j++) {
            cost.setCoefficient(x[j], integerCosts[j]);
        }
        cost.setMinimization();
        solver.setTimeLimit((long) (timeLimitSeconds * 1000));
        solver.setNumThreads(workers);
        long t1 = System.nanoTime();
        MPSolver.ResultStatus status = solver.solve(ScipResults.exactGap());
        long t2 = System.nanoTime();
        SolveStatus result = ScipResults.status(status);
        boolean solved = ScipResults.hasSolution(result);
        double objective = solved ? cost.value() : Double.NaN;
        int[] chosen = solved ? ScipResults.chosen(x) : new int[0];
        double bound = cost.bestBound();
        solver.delete();
        return new SetCoverSolution(result, objective, bound,
                chosen, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
