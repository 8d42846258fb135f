package org.sanimap.engine.siting;

/**
 * A solved maximal covering instance.
 *
 * @param status      optimal, feasible, infeasible or unknown
 * @param objective   covered demand weight of the chosen sites (NaN when none was found)
 * @param bound       proven upper bound on the optimal covered weight
 * @param chosen      0-based chosen candidate sites, ascending
 * @param buildMillis time to build the model
 * @param solveMillis time to solve it
 */
public record MclpSolution(SolveStatus status, double objective, double bound, int[] chosen, long buildMillis,
        long solveMillis) {

    public MclpSolution {
        chosen = chosen.clone();
    }

    @Override
    public int[] chosen() {
        return chosen.clone();
    }
}
