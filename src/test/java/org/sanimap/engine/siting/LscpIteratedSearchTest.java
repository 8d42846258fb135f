package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LscpIteratedSearchTest {

    @Test
    void coversStayCoversNeverGrowAndNeverFallBelowTheEnumeratedOptimum() {
        int checked = 0;
        for (long seed = 1; seed <= 30; seed++) {
            SitingOptimizerTest.Instance in = SitingOptimizerTest.random(seed, 60, 16, 0, 400);
            ReducedProblem m = ReducedProblem.of(in.problem(), true);
            if (m.unreachableCount > 0) {
                continue;
            }
            int[] all = SitingOptimizerTest.allColumns(m);
            List<Integer> reported = new ArrayList<>();
            int[] out = LscpIteratedSearch.run(m, all, seed, 500, () -> false, reported::add);
            int optimum = SitingOptimizerTest.bruteForceLscp(in, in.problem().totalWeight());
            assertThat(m.covered(out)).as("seed %d", seed).isEqualTo(m.reachableWeight);
            assertThat(out.length).as("seed %d", seed).isGreaterThanOrEqualTo(optimum).isLessThan(all.length);
            assertThat(out).doesNotHaveDuplicates().isSorted();
            // each report a smaller cover, the last one the answer
            assertThat(reported).isSortedAccordingTo((a, b) -> Integer.compare(b, a)).doesNotHaveDuplicates().endsWith(out.length);
            assertThat(LscpIteratedSearch.run(m, all, seed, 500, () -> false, null)).as("the same for the same seed").isEqualTo(out);
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void overAGridItFindsSmallerCoversThanTheExchangesAlone() {
        // 60 x 60 cells of 100 m, one resident each, a site at every corner, 300 m
        ReducedProblem m = ReducedProblem.of(SitingOptimizerTest.cornerGrid(60), true);
        int[] swapped = LscpSwapSearch.improve(m, LscpGreedy.solve(m, Double.NaN), () -> false);
        int[] out = LscpIteratedSearch.run(m, swapped, 1, 3_000, () -> false, null);
        assertThat(m.covered(out)).isEqualTo(m.reachableWeight);
        // a site covers at most 32 cell centres, so no cover has fewer than 3,600 / 32 = 112.5 sites
        assertThat(out.length).isLessThan(swapped.length).isGreaterThanOrEqualTo(113);
    }

    @Test
    void aStopRequestAtOnceReturnsTheStartAsItIs() {
        SitingOptimizerTest.Instance in = SitingOptimizerTest.random(2, 400, 120, 0, 150);
        ReducedProblem m = ReducedProblem.of(in.problem(), true);
        int[] greedy = LscpGreedy.solve(m, Double.NaN);
        List<Integer> reported = new ArrayList<>();
        assertThat(LscpIteratedSearch.run(m, greedy, 1, 1_000, () -> true, reported::add)).containsExactly(greedy);
        assertThat(reported).isEmpty();
    }
}
