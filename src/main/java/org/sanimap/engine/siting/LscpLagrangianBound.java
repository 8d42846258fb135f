package org.sanimap.engine.siting;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * A lower bound on the number of sites of a location set covering problem (every row covered, or rows
 * of a required weight) by Lagrangian relaxation of its covering constraints, maximised by deflected subgradient
 * optimisation: near the linear relaxation's bound in O(iterations x pairs) time and O(rows + columns)
 * memory, for instances whose linear program is slow to solve. Set covering LPs over regular grids are
 * highly degenerate: on a 120 x 120 grid of 100 m cells at 300 m (14,400 rows), GLOP gave no answer in
 * 30 s and SCIP did not end its root in 60 s.
 *
 * <p>Relaxing {@code Σ_{j ∈ N_i} x_j ≥ 1} with multipliers {@code u_i ≥ 0} (Beasley 1990, "A
 * Lagrangian heuristic for set-covering problems", Naval Research Logistics 37:151-164) leaves
 * <pre>
 * L(u) = Σ_i u_i + Σ_j min(0, 1 − c_j),   c_j = Σ_{i ∈ M_j} u_i
 * </pre>
 * where {@code M_j} are the rows column j covers. Every {@code u ≥ 0} gives {@code L(u) ≤} the least
 * number of sites, and {@code max_u L(u)} equals the LP relaxation's optimum. The maximum is approached
 * by subgradient steps (Held, Wolfe and Crowder 1974) of Polyak's length
 * {@code μ (U − L(u)) / ‖d‖²}, where U is the number of sites of a known cover, in the direction
 * deflected by half the previous one (Camerini, Fratta and Maffioli 1975), projected onto
 * {@code u ≥ 0}; u starts at {@code min_{j ∈ N_i} 1 / |M_j|} (Beasley's start), μ at 2, halving after
 * {@value MclpLagrangianBound#PATIENCE} steps without a relative improvement of 10⁻⁶. Every
 * {@value #COVER_EVERY} steps the columns of negative reduced cost, completed by the greedy and
 * cleared of redundant ones, give a cover (Beasley's Lagrangian heuristic); the smallest is kept and
 * steers the steps as U.
 *
 * <p>For partial covering (rows of weight W at least, with {@code y_i ≤ Σ_{j ∈ N_i} x_j} and
 * {@code Σ_i w_i y_i ≥ W}), relaxing the linking constraints leaves the same column part and, in place of
 * {@code Σ_i u_i}, the fractional knapsack {@code min Σ_i u_i y_i} over {@code Σ_i w_i y_i ≥ W},
 * {@code 0 ≤ y ≤ 1} (rows of least {@code u_i / w_i} first); its maximum over u is again the LP optimum.
 *
 * <p>Since the optimum is an integer, the reported bound is the greatest {@code L(u)} evaluated, less
 * 10⁻⁶ for rounding, rounded up; it holds whatever the iteration count. Deterministic.
 */
final class LscpLagrangianBound {

    private static final double DEFLECTION = 0.5;
    private static final double MIN_STEP_FACTOR = 1e-4;

    /** Steps between two Lagrangian heuristic covers (each costs about one greedy pass). */
    static final int COVER_EVERY = 20;

    /**
     * @param bound the greatest ⌈L(u)⌉ found (at least 1 when there is a row): no fewer sites cover the rows asked for
     * @param bestCover the smallest cover that the Lagrangian heuristic built, ascending columns (empty if none
     *     was built, or none was smaller than the known cover)
     * @param iterations the steps taken
     */
    record Result(int bound, int[] bestCover, int iterations) {
    }

    private LscpLagrangianBound() {
    }

    /**
     * Maximises L(u) for covering every row until {@code maxIterations} steps, the step factor below 10⁻⁴,
     * the bound meeting {@code knownCover}, or {@code stop} answering true (asked before every step).
     *
     * @param knownCover the number of sites of a cover of every row (a heuristic's), which steers the steps
     */
    static Result compute(ReducedProblem m, int knownCover, int maxIterations, BooleanSupplier stop) {
        return compute(m, Double.NaN, knownCover, maxIterations, stop);
    }

    /**
     * As {@link #compute(ReducedProblem, int, int, BooleanSupplier)}, for covering every row
     * ({@code requiredWeight} NaN) or rows of {@code requiredWeight} in all (partial covering; then
     * {@code knownCover} is the size of a set of sites covering that weight).
     */
    static Result compute(ReducedProblem m, double requiredWeight, int knownCover, int maxIterations, BooleanSupplier stop) {
        boolean full = Double.isNaN(requiredWeight);
        int rows = m.rowCount();
        int cols = m.colCount();
        if (rows == 0) {
            return new Result(0, new int[0], 0);
        }
        double[] u = new double[rows];
        for (int i = 0; i < rows; i++) {
            double least = Double.POSITIVE_INFINITY;
            for (int j : m.rowCols[i]) {
                least = Math.min(least, 1.0 / m.colRows[j].length);
            }
            u[i] = least;
        }
        boolean[] open = new boolean[cols];
        int[] openCount = new int[rows];
        double[] direction = new double[rows];
        double best = 0;
        int[] bestCover = new int[0];
        int upper = knownCover;
        double[] price = new double[cols];
        double[] y = new double[rows];
        Integer[] byPricePerWeight = new Integer[rows];
        Arrays.fill(y, 1);
        double stepFactor = 2;
        int sinceImprovement = 0;
        int iteration = 0;
        while (iteration < maxIterations && stepFactor >= MIN_STEP_FACTOR && !stop.getAsBoolean()) {
            iteration++;
            double value = full ? sum(u) : cheapestRows(m, u, requiredWeight, y, byPricePerWeight);
            for (int j = 0; j < cols; j++) {
                double c = 0;
                for (int r : m.colRows[j]) {
                    c += u[r];
                }
                price[j] = c;
                open[j] = c > 1;
                if (open[j]) {
                    value += 1 - c;
                }
            }
            if (value > best * (1 + 1e-6)) {
                sinceImprovement = 0;
            } else if (++sinceImprovement >= MclpLagrangianBound.PATIENCE) {
                stepFactor /= 2;
                sinceImprovement = 0;
            }
            best = Math.max(best, value);
            if (iteration % COVER_EVERY == 0) {
                int[] cover = cover(m, requiredWeight, price, open);
                if (cover.length < upper) {
                    upper = cover.length;
                    bestCover = cover;
                }
            }
            if (Math.ceil(best - 1e-6) >= upper) {
                break; // the best cover known is optimal
            }
            m.countOpen(open, openCount);
            double norm = 0;
            for (int i = 0; i < rows; i++) {
                // ∂L/∂u_i = y_i − (open columns covering i), y_i = 1 when every row is covered
                double d = (y[i] - openCount[i]) + DEFLECTION * direction[i];
                if (u[i] <= 0 && d < 0) {
                    d = 0; // a step along d would leave u ≥ 0 at once
                }
                direction[i] = d;
                norm += d * d;
            }
            if (norm == 0) {
                break; // u is a fixed point: L(u) is the maximum
            }
            double step = stepFactor * (upper - value) / norm;
            for (int i = 0; i < rows; i++) {
                u[i] = Math.max(0, u[i] + step * direction[i]);
            }
        }
        return new Result(Math.max(1, (int) Math.ceil(best - 1e-6)), bestCover, iteration);
    }

    /**
     * The Lagrangian heuristic (Beasley 1990): the columns of negative reduced cost, most valuable first, made a
     * cover by the greedy; redundant ones are then dropped, the greedy's first, then the least valuable.
     */
    private static int[] cover(ReducedProblem m, double requiredWeight, double[] price, boolean[] open) {
        int[] start = java.util.stream.IntStream.range(0, open.length).filter(j -> open[j]).boxed()
                .sorted((a, b) -> Double.compare(price[b], price[a])).mapToInt(Integer::intValue).toArray();
        return LscpGreedy.complete(m, requiredWeight, start);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    /**
     * The y part of L(u) for partial covering, {@code min Σ u_i y_i} subject to {@code Σ w_i y_i ≥ W} and
     * {@code 0 ≤ y ≤ 1}: a fractional knapsack, filled with the rows of least {@code u_i / w_i} first. Sets
     * {@code y} and returns the minimum.
     */
    private static double cheapestRows(ReducedProblem m, double[] u, double requiredWeight, double[] y, Integer[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(u[a] / m.rowWeight[a], u[b] / m.rowWeight[b]));
        Arrays.fill(y, 0);
        double left = requiredWeight;
        double value = 0;
        for (int k = 0; k < order.length && left > 0; k++) {
            int i = order[k];
            double take = Math.min(1, left / m.rowWeight[i]);
            y[i] = take;
            value += take * u[i];
            left -= take * m.rowWeight[i];
        }
        return value;
    }
}
