package org.sanimap.engine.siting;

/**
 * How to solve a siting problem.
 *
 * @param model               LSCP or MCLP
 * @param newSites            MCLP: the number p of new sites, at least 1 (ignored by LSCP)
 * @param targetCoverage      LSCP: the share of all demand weight (existing coverage included) that
 *                            must end up covered, in (0, 1]; 1 means every demand unit of positive
 *                            weight (ignored by MCLP)
 * @param timeLimitSeconds    wall-clock limit for the whole solve, heuristic included, &gt; 0
 * @param threads             solver threads, at least 1
 * @param exact               false: heuristic only (instant answer, no proof); true: the heuristic
 *                            then the exact mixed-integer model warm-started with it
 * @param heuristicIterations rounds of the adaptive iterated local search (MCLP, {@link MclpAdaptiveSearch}:
 *                            merges after every 3,000) of a heuristic answer, or before SCIP when the
 *                            exact search runs on one thread; on two or more threads the heuristic
 *                            goes on beside SCIP until it ends, and SCIP starts after
 *                            these rounds or a thirtieth of the time limit, whichever comes first,
 *                            but not before the Lagrangian bound ends; 0 keeps greedy + one descent
 * @param seed                random seed of the heuristic (results are repeatable for a seed)
 */
public record SitingOptions(SitingModel model, int newSites, double targetCoverage, double timeLimitSeconds, int threads,
        boolean exact, int heuristicIterations, long seed) {

    public SitingOptions {
        if (model == null) {
            throw new IllegalArgumentException("model is required: lscp or mclp");
        }
        if (model == SitingModel.MCLP && newSites < 1) {
            throw new IllegalArgumentException("p " + newSites + " must be at least 1 for mclp");
        }
        if (model == SitingModel.LSCP && !(targetCoverage > 0 && targetCoverage <= 1)) {
            throw new IllegalArgumentException("target coverage " + targetCoverage + " out of range (0, 1]");
        }
        if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new IllegalArgumentException("time limit " + timeLimitSeconds + " s must be a positive number");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        if (heuristicIterations < 0) {
            throw new IllegalArgumentException("heuristic iterations " + heuristicIterations + " must be >= 0");
        }
    }

    /** MCLP for p new sites, exact within 60 s on all cores. */
    public static SitingOptions mclp(int p) {
        return new SitingOptions(SitingModel.MCLP, p, 1, 60, Runtime.getRuntime().availableProcessors(), true, 2000, 1);
    }

    /** LSCP covering all demand, exact within 60 s on all cores. */
    public static SitingOptions lscp() {
        return new SitingOptions(SitingModel.LSCP, 0, 1, 60, Runtime.getRuntime().availableProcessors(), true, 0, 1);
    }

    public SitingOptions withTimeLimitSeconds(double seconds) {
        return new SitingOptions(model, newSites, targetCoverage, seconds, threads, exact, heuristicIterations, seed);
    }

    public SitingOptions withExact(boolean solveExactly) {
        return new SitingOptions(model, newSites, targetCoverage, timeLimitSeconds, threads, solveExactly, heuristicIterations, seed);
    }

    public SitingOptions withTargetCoverage(double share) {
        return new SitingOptions(model, newSites, share, timeLimitSeconds, threads, exact, heuristicIterations, seed);
    }
}
