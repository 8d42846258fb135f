package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SitingMipTest {

    @Test
    void theLpBoundIsAtLeastTheEnumeratedOptimumAndNoneOnceCancelled() {
        SitingOptimizerTest.Instance in = SitingOptimizerTest.random(5, 150, 16, 0, 200);
        ReducedProblem m = ReducedProblem.of(in.problem(), false);
        SitingMip mip = new SitingMip();
        assertThat(mip.mclpLpBound(m, 3, 10)).isGreaterThanOrEqualTo(SitingOptimizerTest.bruteForceMclp(in, 3) - 1e-6);
        mip.cancel();
        assertThat(mip.mclpLpBound(m, 3, 10)).as("a cancelled LP gives no bound").isNaN();
    }

    @Test
    void aCancelSentWhileTheModelIsHandedToScipStillStopsTheSearch() throws Exception {
        // SCIP clears its interrupt flag when its solve starts, after the model has been handed over: a single
        // interrupt sent in between (about 60 to 110 ms into the call on this grid) was lost and the search ran to
        // its limit. Cancels at 0 to 300 ms into the call cover that window; each must end the search promptly.
        SitingProblem grid = SitingOptimizerTest.cornerGrid(120);
        ReducedProblem m = ReducedProblem.of(grid, true);
        int[] hint = LscpGreedy.solve(m, Double.NaN);
        com.google.ortools.Loader.loadNativeLibraries();
        for (int delayMillis = 0; delayMillis <= 300; delayMillis += 20) {
            SitingMip mip = new SitingMip();
            CompletableFuture<SitingMip.Outcome> solve = CompletableFuture.supplyAsync(() -> mip.lscp(m, Double.NaN, hint, 120, 1));
            Thread.sleep(delayMillis);
            long cancelledAt = System.nanoTime();
            mip.cancel();
            SitingMip.Outcome outcome = solve.get(150, TimeUnit.SECONDS);
            assertThat((System.nanoTime() - cancelledAt) / 1e9).as("seconds from a cancel %d ms into the call to the answer",
                    delayMillis).isLessThan(5);
            if (outcome.chosenColumns().length > 0) {
                assertThat(m.covered(outcome.chosenColumns())).as("a cover of every cell").isEqualTo(m.reachableWeight);
            }
        }
    }
}
