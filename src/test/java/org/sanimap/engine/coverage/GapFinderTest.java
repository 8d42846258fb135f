package org.sanimap.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GapFinderTest {

    @Test
    void separateClustersAreSeparateGapsRankedByPopulation() {
        // cluster A: three cells 100 m apart near (0, 0); cluster B: two cells 10 km away; one covered cell
        double step = Math.toDegrees(100.0 / GreatCircle.MEAN_EARTH_RADIUS_METERS);
        List<DemandPoint> demand = List.of(
                new DemandPoint("a1", 0, 0, 10, null),
                new DemandPoint("a2", step, 0, 30, null),
                new DemandPoint("a3", 0, step, 20, null),
                new DemandPoint("b1", 0.1, 0, 100, null),
                new DemandPoint("b2", 0.1 + step, 0, 0, null),
                new DemandPoint("c", 5, 5, 1000, null));
        CoverageResult coverage = CoverageAnalyzer.analyze(demand, List.of(new FacilityPoint("f", 5, 5)), 50);

        List<Gap> gaps = new GapFinder(150).find(demand, coverage);

        assertThat(gaps).hasSize(2);
        Gap first = gaps.get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.population()).isEqualTo(100.0);
        assertThat(first.demandIndexes()).containsExactly(3, 4);
        // weighted centre: all weight on b1
        assertThat(first.centreLonWgs84()).isEqualTo(0.1);
        Gap second = gaps.get(1);
        assertThat(second.population()).isEqualTo(60.0);
        assertThat(second.cells()).isEqualTo(3);
        // weighted centre: lon = 30*step/60, lat = 20*step/60
        assertThat(second.centreLonWgs84()).isCloseTo(step / 2, within(1e-12));
        assertThat(second.centreLatWgs84()).isCloseTo(step / 3, within(1e-12));
        // right triangle with 100 m legs: 0.005 km²
        assertThat(second.areaKm2()).isCloseTo(0.005, within(0.00001));
    }
}
