package org.sanimap.engine.siting;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The maximal covering location problem (MCLP) of Church and ReVelle (1974), solved exactly with SCIP
 * from OR-Tools:
 *
 * <pre>
 * maximise   Σ_i w_i y_i
 * subject to y_i ≤ Σ_{j ∈ N_i} x_j   for every demand unit i   (N_i: sites within the radius of i)
 *            Σ_j x_j = p
 *            x_j ∈ {0, 1}, 0 ≤ y_i ≤ 1
 * </pre>
 *
 * The y_i may stay continuous: for fixed x an optimal y is 0/1. Coverage sets are sparse (only the
 * pairs within the radius). Reports objective, best bound and status within the time limit.
 */
public final class MclpSolver {

    private final double timeLimitSeconds;
    private final int threads;

    public MclpSolver(double timeLimitSeconds, int threads) {
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("time limit " + timeLimitSeconds + " s must be positive");
        }
        this.timeLimitSeconds = timeLimitSeconds;
        this.threads = Math.max(1, threads);
    }

    /**
     * @param weights        demand weight of each unit
     * @param sitesOf        for each demand unit, the 0-based candidate sites that cover it
     * @param candidateCount number of candidate sites
     * @param p              sites to open, 1 to candidateCount
     */
    public MclpSolution solve(double[] weights, int[][] sitesOf, int candidateCount, int p) {
        if (sitesOf.length != weights.length) {
            throw new IllegalArgumentException(weights.length + " weights but " + sitesOf.length + " coverage sets");
        }
        if (p < 1 || p > candidateCount) {
            throw new IllegalArgumentException("p " + p + " out of range [1, " + candidateCount + "]");
        }
        Loader.loadNativeLibraries();
        long t0 = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("the SCIP solver of OR-Tools is not available");
        }
        MPVariable[] x = solver.makeBoolVarArray(candidateCount);
        MPObjective covered = solver.objective();
        for (int i = 0; i < weights.length; i++) {
            if (sitesOf[i].length == 0 || weights[i] == 0) {
                continue;
            }
            MPVariable y = solver.makeNumVar(0, 1, "y" + i);
            covered.setCoefficient(y, weights[i]);
            MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
            link.setCoefficient(y, 1);
            for (int j : sitesOf[i]) {
                link.setCoefficient(x[j], -1);
            }
        }
        MPConstraint count = solver.makeConstraint(p, p);
        for (MPVariable v : x) {
            count.setCoefficient(v, 1);
        }
        covered.setMaximization();
        solver.setTimeLimit((long) (timeLimitSeconds * 1000));
        solver.setNumThreads(threads);
        long t1 = System.nanoTime();
        MPSolver.ResultStatus status = solver.solve();
        long t2 = System.nanoTime();
        SolveStatus result = ScipResults.status(status);
        boolean solved = ScipResults.hasSolution(result);
        double objective = solved ? covered.value() : Double.NaN;
        int[] chosen = solved ? ScipResults.chosen(x) : new int[0];
        double bound = result == SolveStatus.OPTIMAL ? objective : covered.bestBound();
        solver.delete();
        return new MclpSolution(result, objective, bound, chosen,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
