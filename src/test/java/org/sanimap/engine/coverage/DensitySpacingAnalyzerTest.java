package org.sanimap.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.sanimap.testing.Haversine;

class DensitySpacingAnalyzerTest {

    @Test
    void densityCountsFacilitiesInsideEachDistrictPerSquareKilometre() {
        LocalPlane plane = new LocalPlane(120, 30);
        GeometryFactory f = new GeometryFactory();
        // a 2 km x 2 km district
        var square = plane.toWgs84(f.createPolygon(new Coordinate[] {new Coordinate(-1000, -1000), new Coordinate(1000, -1000),
            new Coordinate(1000, 1000), new Coordinate(-1000, 1000), new Coordinate(-1000, -1000)}));
        List<FacilityPoint> facilities = List.of(new FacilityPoint("a", 120, 30), new FacilityPoint("b", 120.001, 30),
                new FacilityPoint("c", 120, 30.001), new FacilityPoint("d", 119.999, 29.999), new FacilityPoint("out", 121, 30));
        var density = new DensitySpacingAnalyzer().density(facilities, List.of(new DistrictAssigner.NamedArea("A", square)),
                List.of(), plane);
        assertThat(density).singleElement().satisfies(d -> {
            assertThat(d.facilities()).isEqualTo(4);
            assertThat(d.areaKm2()).isCloseTo(4.0, within(1e-6));
            assertThat(d.perKm2()).isCloseTo(1.0, within(1e-6));
        });
    }

    @Test
    void spacingMatchesBruteForceNearestNeighbours() {
        Random random = new Random(4);
        List<FacilityPoint> facilities = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // clustered and scattered points, so that some neighbours are far beyond the first search radius
            double spread = i % 10 == 0 ? 0.5 : 0.02;
            facilities.add(new FacilityPoint("f" + i, 120 + random.nextGaussian() * spread, 30 + random.nextGaussian() * spread));
        }
        DensitySpacingAnalyzer.Spacing spacing = new DensitySpacingAnalyzer().spacing(facilities);
        double[] nearest = spacing.nearestMeters();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < facilities.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < facilities.size(); j++) {
                if (i != j) {
                    best = Math.min(best, Haversine.meters(facilities.get(i).lonWgs84(), facilities.get(i).latWgs84(),
                            facilities.get(j).lonWgs84(), facilities.get(j).latWgs84()));
                }
            }
            assertThat(nearest[i]).isCloseTo(best, within(1e-6));
            min = Math.min(min, best);
        }
        assertThat(spacing.minMeters()).isCloseTo(min, within(1e-6));
        assertThat(spacing.outside(null, 1e9)).isZero();
        assertThat(spacing.outside(1e9, null)).isEqualTo(300);
        assertThat(new DensitySpacingAnalyzer().spacing(List.of(new FacilityPoint("x", 0, 0))).medianMeters()).isNaN();
    }
}
