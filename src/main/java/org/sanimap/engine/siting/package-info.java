/**
 * Siting: where new facilities should go. Coverage sets ({@link org.sanimap.engine.siting.CoverageSets})
 * hold only the demand-candidate pairs within the radius, built with a grid index by
 * {@link org.sanimap.engine.siting.CoverageSetBuilder} (straight line, great circle, walking or a
 * distance table). {@link org.sanimap.engine.siting.SitingOptimizer} solves the location set covering
 * problem (Toregas, Swain, ReVelle and Bergman 1971) and the maximal covering location problem (Church
 * and ReVelle 1974) with existing facilities kept: exact reductions, a greedy and local-search
 * heuristic, then SCIP from OR-Tools warm-started with it, reporting objective, bound and status; the
 * Lagrangian relaxations of the MCLP ({@link org.sanimap.engine.siting.MclpLagrangianBound}, Galvão and
 * ReVelle 1996) and of the LSCP ({@link org.sanimap.engine.siting.LscpLagrangianBound}, Beasley 1990) bound
 * them where SCIP's root is too slow, and their heuristics add answers; LSCP covers are then improved by
 * 2-for-1 exchanges ({@link org.sanimap.engine.siting.LscpSwapSearch}).
 * {@link org.sanimap.engine.siting.SetCoverSolver} solves weighted set covering (Beasley's OR-Library
 * instances). Checked against published optima (OR-Library, spopt San Francisco, NewYork) and
 * exhaustive enumeration.
 */
package org.sanimap.engine.siting;
