package org.sanimap.engine.siting;

/**
 * A solved set covering instance.
 *
 * @param status       optimal, feasible, infeasible or unknown
 * @param objective    total cost of the chosen columns (NaN when none was found)
 * @param bound        proven lower bound on the optimal cost
 * @param chosen       0-based chosen columns, ascending
 * @param buildMillis  time to build the model
 * @param solveMillis  time to solve it
 */
public record SetCoverSolution(SolveStatus status, double objective, double bound, int[] chosen, long buildMillis,
        long solveMillis) {

    public SetCoverSolution {
        chosen = chosen.clone();
    }

    @Override
    public int[] chosen() {
        return chosen.clone();
    }
}
