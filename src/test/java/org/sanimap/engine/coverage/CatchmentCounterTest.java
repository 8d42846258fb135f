package org.sanimap.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatchmentCounterTest {

    @Test
    void residentsReachedByOneFacilityAloneAreWhatClosingItUncovers() {
        // units of 10, 20, 40, 80 residents; facility 0 reaches the first three, facility 1 the last two
        int[][] reach = {{0}, {0}, {0, 1}, {1}};
        assertThat(CatchmentCounter.count(new double[] {10, 20, 40, 80}, reach, 3)).containsExactly(
                new CatchmentCounter.Catchment(0, 70, 30, 3, 2),
                new CatchmentCounter.Catchment(1, 120, 80, 2, 1),
                new CatchmentCounter.Catchment(2, 0, 0, 0, 0));
        assertThatThrownBy(() -> CatchmentCounter.count(new double[] {1}, reach, 2))
                .hasMessage("1 units' residents for 4 units");
    }
}
