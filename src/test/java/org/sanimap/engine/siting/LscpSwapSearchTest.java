package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LscpSwapSearchTest {

    @Test
    void twoSitesGiveWayToOneThatCoversWhatOnlyTheyCovered() {
        // rows d0..d5; site 0 {d0, d1, d4}, site 1 {d2, d3, d5}, site 2 {d0, d1, d2, d3}, site 3 {d4, d5} (none inside
        // another): from {0, 1, 3}, sites 0 and 1 alone cover d0 to d3, which site 2 covers; {2, 3} covers everything
        double[] weights = {1, 1, 1, 1, 1, 1};
        int[][] candidatesOf = {{0, 2}, {0, 2}, {1, 2}, {1, 2}, {0, 3}, {1, 3}};
        ReducedProblem m = ReducedProblem.of(new SitingProblem(weights, new CoverageSets(4, candidatesOf), new boolean[6]), true);
        int[] start = columnsOf(m, 0, 1, 3);
        int[] out = LscpSwapSearch.improve(m, start, () -> false);
        assertThat(out).containsExactly(columnsOf(m, 2, 3));
    }

    @Test
    void aCoverStaysACoverAndNeverFallsBelowTheEnumeratedOptimum() {
        int checked = 0;
        for (long seed = 1; seed <= 40; seed++) {
            SitingOptimizerTest.Instance in = SitingOptimizerTest.random(seed, 60, 16, 0, 400);
            ReducedProblem m = ReducedProblem.of(in.problem(), true);
            if (m.unreachableCount > 0) {
                continue;
            }
            // from every site open: drops and exchanges all the way down
            int[] all = SitingOptimizerTest.allColumns(m);
            int[] out = LscpSwapSearch.improve(m, all, () -> false);
            SitingProblem problem = in.problem();
            int optimum = SitingOptimizerTest.bruteForceLscp(in, problem.totalWeight());
            assertThat(m.covered(out)).as("seed %d", seed).isEqualTo(m.reachableWeight);
            assertThat(out.length).as("seed %d", seed).isGreaterThanOrEqualTo(optimum);
            assertThat(out).doesNotHaveDuplicates().isSorted();
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void greedyCoversOftenShrinkAndStayAboveTheLinearRelaxation() {
        SitingMip mip = new SitingMip();
        int improved = 0;
        for (long seed = 1; seed <= 20; seed++) {
            // large enough for the greedy to miss the optimum now and then
            SitingOptimizerTest.Instance in = SitingOptimizerTest.random(seed, 600, 150, 0, 200);
            ReducedProblem m = ReducedProblem.of(in.problem(), true);
            if (m.unreachableCount > 0) {
                continue;
            }
            int[] greedy = LscpGreedy.solve(m, Double.NaN);
            int[] out = LscpSwapSearch.improve(m, greedy, () -> false);
            assertThat(m.covered(out)).as("seed %d", seed).isEqualTo(m.reachableWeight);
            assertThat((double) out.length).as("seed %d", seed).isLessThanOrEqualTo(greedy.length)
                    .isGreaterThanOrEqualTo(mip.lscpLpBound(m, Double.NaN, 10));
            improved += out.length < greedy.length ? 1 : 0;
        }
        assertThat(improved).as("greedy covers the exchanges made smaller").isPositive();
    }

    @Test
    void aStopRequestReturnsTheCoverSoFar() {
        SitingOptimizerTest.Instance in = SitingOptimizerTest.random(2, 400, 120, 0, 150);
        ReducedProblem m = ReducedProblem.of(in.problem(), true);
        int[] all = SitingOptimizerTest.allColumns(m);
        int[] out = LscpSwapSearch.improve(m, all, () -> true);
        assertThat(out).containsExactly(all);
    }

    /** The reduced columns of the given candidates (none is dominated in this instance). */
    private static int[] columnsOf(ReducedProblem m, int... candidates) {
        int[] out = new int[candidates.length];
        for (int k = 0; k < candidates.length; k++) {
            for (int j = 0; j < m.colCount(); j++) {
                if (m.column[j] == candidates[k]) {
                    out[k] = j;
                }
            }
        }
        return out;
    }
}
