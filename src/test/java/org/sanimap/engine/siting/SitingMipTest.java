package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;

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
}
