package org.sanimap.engine.siting;

import java.util.Arrays;
import java.util.function.DoublePredicate;
import java.util.function.DoubleSupplier;

/**
 * An upper bound on the MCLP objective of a {@link ReducedProblem} by Lagrangian relaxation of the
 * coverage constraints, minimised by deflected subgradient optimisation: a bound of nearly the linear
 * relaxation's strength in O(iterations x pairs) time and O(rows + columns) memory, for instances whose
 * linear program is slow to solve (San Francisco, 5,137 nodes at 600 m: GLOP needs about 17 s, SCIP does
 * not end its root in a minute).
 *
 * <p>Relaxing {@code y_i ≤ Σ_{j ∈ N_i} x_j} with multipliers {@code 0 ≤ λ_i ≤ w_i} (Galvão and ReVelle
 * 1996, "A Lagrangean heuristic for the maximal covering location problem", EJOR 88:114-123) leaves
 * <pre>
 * L(λ) = Σ_i max(0, w_i − λ_i) + (sum of the p largest c_j),   c_j = Σ_{i ∈ M_j} λ_i
 * </pre>
 * where {@code M_j} are the rows column j covers. Every such λ gives {@code L(λ) ≥} the MCLP optimum,
 * and {@code min_λ L(λ)} equals the LP relaxation's optimum (the relaxed problem has the integrality
 * property). The minimum is approached by subgradient steps (Held, Wolfe and Crowder 1974, "Validation
 * of subgradient optimization", Math. Programming 6:62-88) of Polyak's length
 * {@code μ (L(λ) − target) / ‖d‖²}, in the direction deflected by half the previous one (Camerini,
 * Fratta and Maffioli 1975), projected onto the box; μ starts at 2 and halves after
 * {@value #PATIENCE} steps without a relative improvement of 10⁻⁶. Each step's p columns are also an
 * answer (the Lagrangian heuristic), whose covered weight is counted; the best is kept. The target is
 * the most of those weights and of a weight known to be reachable (a heuristic's answer so far, asked
 * before every step).
 *
 * <p>Deterministic: ties among columns go to the lowest index. The reported bound is the least
 * {@code L(λ)} evaluated (made safe against rounding, rounded down when the weights are integers), so
 * it holds whatever the iteration count; it is never above the total weight of the rows.
 */
final class MclpLagrangianBound {

    /** Steps without improvement after which the step factor halves. */
    static final int PATIENCE = 60;
    private static final double DEFLECTION = 0.5;
    private static final double MIN_STEP_FACTOR = 1e-4;

    /**
     * @param bound the least L(λ) found: no p columns cover more weight
     * @param bestPrimal the most weight that one step's p columns covered
     * @param bestSelection those p columns, ascending (empty if no step was taken)
     * @param iterations the steps taken
     */
    record Result(double bound, double bestPrimal, int[] bestSelection, int iterations) {
    }

    private MclpLagrangianBound() {
    }

    /**
     * Minimises L(λ) for p columns until {@code maxIterations} steps, the step factor below 10⁻⁴, the bound
     * met by a primal answer or by {@code reachable}, or {@code stop} answering true (asked before every step
     * with the bound so far, made safe as the result's is, +∞ before the first: a caller may let the steps go
     * on until their bound says more than a trivial one).
     *
     * @param reachable a weight that some p columns are known to cover (0 if none is known), such as the
     *     heuristic's best so far; it only steers the step length
     */
    static Result compute(ReducedProblem m, int p, DoubleSupplier reachable, int maxIterations, DoublePredicate stop) {
        int rows = m.rowCount();
        int cols = m.colCount();
        double total = m.reachableWeight;
        if (p >= cols) {
            int[] all = new int[cols];
            Arrays.setAll(all, j -> j);
            return new Result(total, total, all, 0);
        }
        double[] lambda = new double[rows];
        for (int i = 0; i < rows; i++) {
            lambda[i] = m.rowWeight[i] / m.rowCols[i].length;
        }
        double[] price = new double[cols];
        double[] scratch = new double[cols];
        boolean[] open = new boolean[cols];
        int[] openCount = new int[rows];
        double[] direction = new double[rows];
        double best = Double.POSITIVE_INFINITY; // the least L(λ) seen; may stay above the total weight a while
        double bestPrimal = 0;
        int[] bestSelection = new int[0];
        double stepFactor = 2;
        int sinceImprovement = 0;
        int iteration = 0;
        boolean integral = Arrays.stream(m.rowWeight).allMatch(w -> w == Math.rint(w));
        while (iteration < maxIterations && stepFactor >= MIN_STEP_FACTOR
                && !stop.test(best == Double.POSITIVE_INFINITY ? best : safe(best, integral, total))) {
            iteration++;
            double value = 0;
            for (int i = 0; i < rows; i++) {
                if (m.rowWeight[i] > lambda[i]) {
                    value += m.rowWeight[i] - lambda[i];
                }
            }
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int r : m.colRows[j]) {
                    s += lambda[r];
                }
                price[j] = s;
            }
            value += openTopColumns(price, scratch, p, open);
            if (value < best * (1 - 1e-6)) {
                sinceImprovement = 0;
            } else if (++sinceImprovement >= PATIENCE) {
                stepFactor /= 2;
                sinceImprovement = 0;
            }
            best = Math.min(best, value);
            m.countOpen(open, openCount);
            double primal = 0;
            double norm = 0;
            for (int i = 0; i < rows; i++) {
                if (openCount[i] > 0) {
                    primal += m.rowWeight[i];
                }
                // ∂L/∂λ_i = (open columns covering i) − y_i, y_i = 1 where w_i > λ_i
                double g = openCount[i] - (m.rowWeight[i] > lambda[i] ? 1 : 0);
                double d = g + DEFLECTION * direction[i];
                if ((lambda[i] <= 0 && d > 0) || (lambda[i] >= m.rowWeight[i] && d < 0)) {
                    d = 0; // a step along d would leave the box at once
                }
                direction[i] = d;
                norm += d * d;
            }
            if (primal > bestPrimal) {
                bestPrimal = primal;
                bestSelection = ReducedProblem.openColumns(open, p);
            }
            double target = Math.max(bestPrimal, reachable.getAsDouble());
            if (best <= target + 1e-9 * Math.max(1, best) || norm == 0) {
                break; // proven, or λ is a fixed point
            }
            double step = stepFactor * (value - target) / norm;
            for (int i = 0; i < rows; i++) {
                lambda[i] = Math.min(m.rowWeight[i], Math.max(0, lambda[i] - step * direction[i]));
            }
        }
        return new Result(Math.min(best == Double.POSITIVE_INFINITY ? total : safe(best, integral, total), total), bestPrimal,
                bestSelection, iteration);
    }

    /**
     * The bound made safe against rounding in its sums (about 10⁻¹⁶ of the total weight per term): with
     * integer weights the optimum is an integer, so the bound rounds down to one after adding 10⁻⁶; else
     * 10⁻⁹ of the total weight is added.
     */
    private static double safe(double bound, boolean integralWeights, double total) {
        return integralWeights ? Math.floor(bound + 1e-6) : bound + 1e-9 * total;
    }

    /**
     * Marks in {@code open} the p columns of highest price (ties: lowest index) and returns their price
     * sum. {@code scratch} is overwritten.
     */
    private static double openTopColumns(double[] price, double[] scratch, int p, boolean[] open) {
        System.arraycopy(price, 0, scratch, 0, price.length);
        double threshold = kthLargest(scratch, p);
        Arrays.fill(open, false);
        int above = 0;
        double sum = 0;
        for (int j = 0; j < price.length; j++) {
            if (price[j] > threshold) {
                open[j] = true;
                above++;
                sum += price[j];
            }
        }
        for (int j = 0; j < price.length && above < p; j++) {
            if (price[j] == threshold) {
                open[j] = true;
                above++;
                sum += price[j];
            }
        }
        return sum;
    }

    /** The k-th largest value (k ≥ 1) by quickselect with a median-of-three pivot; reorders {@code a}. */
    static double kthLargest(double[] a, int k) {
        int target = a.length - k; // index in ascending order
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double pivot = median(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
