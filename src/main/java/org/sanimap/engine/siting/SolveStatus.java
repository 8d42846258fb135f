package org.sanimap.engine.siting;

/** Outcome of an exact solve under a time limit. */
public enum SolveStatus {
    /** The objective equals the proven bound. */
    OPTIMAL,
    /** A solution was found but not proven optimal within the time limit; see the bound. */
    FEASIBLE,
    /** No solution exists. */
    INFEASIBLE,
    /** No solution was found within the time limit. */
    UNKNOWN
}
