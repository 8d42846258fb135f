package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LscpLagrangianBoundTest {

    @Test
    void neverAboveTheEnumeratedOptimumNorTheRoundedLinearRelaxationAndCloseToTheLatter() {
        SitingMip mip = new SitingMip();
        int checked = 0;
        int smallerCovers = 0;
        for (long seed = 1; seed <= 40; seed++) {
            SitingOptimizerTest.Instance in = SitingOptimizerTest.random(seed, 60, 14, 1, 400);
            ReducedProblem m = ReducedProblem.of(in.problem(), true);
            if (m.unreachableCount > 0) {
                continue; // no cover of every row
            }
            int greedy = LscpGreedy.solve(m, Double.NaN).length;
            LscpLagrangianBound.Result r = LscpLagrangianBound.compute(m, greedy, 3_000, () -> false);
            SitingProblem problem = in.problem();
            int optimum = SitingOptimizerTest.bruteForceLscp(in, problem.totalWeight() - problem.existingCoveredWeight());
            double lp = mip.lscpLpBound(m, Double.NaN, 10); // GLOP's optimum, rounded up
            assertThat(r.bound()).as("seed %d: a bound", seed).isLessThanOrEqualTo(optimum).isPositive();
            // max over u of L(u) is the LP optimum, so no u gives more; the ascent gets within one site of it
            assertThat((double) r.bound()).as("seed %d: not above the LP", seed).isLessThanOrEqualTo(lp)
                    .isGreaterThanOrEqualTo(lp - 1);
            if (r.bestCover().length > 0) {
                // the Lagrangian heuristic's cover: a cover of every row, smaller than the greedy's, not below the optimum
                assertThat(r.bestCover().length).isLessThan(greedy).isGreaterThanOrEqualTo(optimum);
                assertThat(m.covered(r.bestCover())).isEqualTo(m.reachableWeight);
                smallerCovers++;
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(smallerCovers).as("instances where the Lagrangian heuristic beat the greedy").isPositive();
    }

    @Test
    void forPartialCoveringNeverAboveTheEnumeratedOptimumNorTheRoundedLinearRelaxation() {
        SitingMip mip = new SitingMip();
        int covers = 0;
        for (long seed = 1; seed <= 25; seed++) {
            SitingOptimizerTest.Instance in = SitingOptimizerTest.random(seed, 60, 14, 0, 300);
            ReducedProblem m = ReducedProblem.of(in.problem(), false);
            for (double share : new double[] {0.5, 0.8, 0.95}) {
                double required = share * m.reachableWeight;
                int greedy = LscpGreedy.solve(m, required).length;
                LscpLagrangianBound.Result r = LscpLagrangianBound.compute(m, required, greedy, 3_000, () -> false);
                int optimum = SitingOptimizerTest.bruteForceLscp(in, required);
                double lp = mip.lscpLpBound(m, required, 10);
                assertThat(r.bound()).as("seed %d, %s", seed, share).isLessThanOrEqualTo(optimum).isPositive();
                assertThat((double) r.bound()).as("seed %d, %s: the LP", seed, share).isLessThanOrEqualTo(lp)
                        .isGreaterThanOrEqualTo(lp - 1);
                if (r.bestCover().length > 0) {
                    assertThat(m.covered(r.bestCover())).isGreaterThanOrEqualTo(required - 1e-9);
                    assertThat(r.bestCover().length).isGreaterThanOrEqualTo(optimum);
                    covers++;
                }
            }
        }
        assertThat(covers).as("partial covers smaller than the greedy's").isPositive();
    }

    @Test
    void disjointRowsAreProvenAtOnce() {
        // every row has its own site: all five are needed, and the relaxation says so
        double[] weights = {5, 9, 1, 7, 3};
        int[][] candidatesOf = {{0}, {1}, {2}, {3}, {4}};
        ReducedProblem m = ReducedProblem.of(new SitingProblem(weights, new CoverageSets(5, candidatesOf), new boolean[5]), true);
        LscpLagrangianBound.Result r = LscpLagrangianBound.compute(m, 5, 3_000, () -> false);
        assertThat(r.bound()).isEqualTo(5);
        assertThat(r.iterations()).as("stops once the bound meets the cover").isEqualTo(1);
    }

    @Test
    void aStopRequestEndsTheAscentWithAValidBound() {
        SitingOptimizerTest.Instance in = SitingOptimizerTest.random(3, 60, 14, 0, 400);
        ReducedProblem m = ReducedProblem.of(in.problem(), true);
        int[] asked = {0};
        LscpLagrangianBound.Result r = LscpLagrangianBound.compute(m, m.colCount(), 3_000, () -> ++asked[0] > 5);
        assertThat(r.iterations()).isEqualTo(5);
        SitingProblem problem = in.problem();
        assertThat(r.bound()).isBetween(1, SitingOptimizerTest.bruteForceLscp(in, problem.totalWeight() - problem.existingCoveredWeight()));
    }
}
