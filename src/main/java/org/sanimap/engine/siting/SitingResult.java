package org.sanimap.engine.siting;

import java.util.List;

/**
 * The answer to a siting problem.
 *
 * @param model                 LSCP or MCLP
 * @param status                optimal (objective = bound), feasible (a solution, bound not met in time),
 *                              infeasible (see reason) or unknown (no solution in time)
 * @param reason                why infeasible or why fewer sites than asked, or null
 * @param objective             MCLP: demand weight newly covered by the new sites; LSCP: number of new
 *                              sites; NaN without a solution
 * @param bound                 proven bound on the optimal objective (upper for MCLP, lower for LSCP)
 * @param proposals             the new sites in rank order
 * @param totalWeight           all demand weight
 * @param existingCoveredWeight weight the existing facilities cover
 * @param unreachableWeight     weight no candidate (and no existing facility) covers
 * @param heuristicObjective    the heuristic's objective (the exact model's warm start)
 * @param timings               where the time went
 */
public record SitingResult(SitingModel model, SolveStatus status, String reason, double objective, double bound,
        List<SitingProposal> proposals, double totalWeight, double existingCoveredWeight, double unreachableWeight,
        double heuristicObjective, Timings timings) {

    public SitingResult {
        proposals = List.copyOf(proposals);
    }

    /** Weight covered after the new sites are built: existing plus new. */
    public double coveredWeightAfter() {
        return existingCoveredWeight + proposals.stream().mapToDouble(SitingProposal::gainWeight).sum();
    }

    /** 0-based candidate indexes of the proposals, in rank order. */
    public int[] chosen() {
        return proposals.stream().mapToInt(SitingProposal::candidate).toArray();
    }

    /** Relative gap between objective and bound, 0 when optimal, NaN without a solution. */
    public double gap() {
        if (Double.isNaN(objective)) {
            return Double.NaN;
        }
        double scale = Math.max(1e-9, Math.abs(objective));
        return Math.abs(bound - objective) / scale;
    }

    /**
     * Milliseconds per phase.
     *
     * @param reduceMillis    exact reductions of the model
     * @param heuristicMillis the heuristic (greedy, local search, merges)
     * @param buildMillis     building the mixed-integer model
     * @param solveMillis     the mixed-integer search
     */
    public record Timings(long reduceMillis, long heuristicMillis, long buildMillis, long solveMillis) {
        public long totalMillis() {
            return reduceMillis + heuristicMillis + buildMillis + solveMillis;
        }
    }
}
