package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sanimap.testing.Haversine;

class CandidateGeneratorTest {

    @Test
    void gridPointsAreSpacedAsAskedAndEachLiesWithinTheRadiusOfAGap() {
        double[] gapLon = {120.100, 120.130};
        double[] gapLat = {30.200, 30.210};
        double[][] grid = CandidateGenerator.gridOverGaps(gapLon, gapLat, 100, 300);
        assertThat(grid[0]).isNotEmpty();
        for (int k = 0; k < grid[0].length; k++) {
            double nearest = Math.min(Haversine.meters(grid[0][k], grid[1][k], gapLon[0], gapLat[0]),
                    Haversine.meters(grid[0][k], grid[1][k], gapLon[1], gapLat[1]));
            assertThat(nearest).isLessThanOrEqualTo(300);
        }
        // about π r² / s² points around each gap: 28 for 300 m over a 100 m grid, the two gaps far apart
        assertThat(grid[0].length).isBetween(2 * 24, 2 * 32);
        // nearest neighbours on the grid are 100 m apart (within the plane's scale error)
        double nearestNeighbour = Double.POSITIVE_INFINITY;
        for (int k = 1; k < grid[0].length; k++) {
            nearestNeighbour = Math.min(nearestNeighbour, Haversine.meters(grid[0][0], grid[1][0], grid[0][k], grid[1][k]));
        }
        assertThat(nearestNeighbour).isBetween(99.0, 101.0);
        // every gap has a grid point within half a diagonal
        for (int g = 0; g < 2; g++) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < grid[0].length; k++) {
                best = Math.min(best, Haversine.meters(grid[0][k], grid[1][k], gapLon[g], gapLat[g]));
            }
            assertThat(best).isLessThanOrEqualTo(100 * Math.sqrt(2) / 2 + 1);
        }
    }

    @Test
    void tooFineAGridIsRefusedWithAMessage() {
        double[] lon = new double[400];
        double[] lat = new double[400];
        for (int i = 0; i < 400; i++) {
            lon[i] = 120 + (i % 20) * 0.02;
            lat[i] = 30 + (i / 20) * 0.02;
        }
        assertThatThrownBy(() -> CandidateGenerator.gridOverGaps(lon, lat, 10, 5000))
                .hasMessageContaining("candidate sites; use a wider spacing");
    }

    @Test
    void candidatesInsideAnExclusionAreDropped() {
        GeometryFactory f = new GeometryFactory();
        Geometry park = f.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1),
            new Coordinate(0, 1), new Coordinate(0, 0)});
        boolean[] keep = CandidateGenerator.outside(new double[] {0.5, 1.5, 1.0}, new double[] {0.5, 0.5, 0.5}, List.of(park));
        assertThat(keep).containsExactly(false, true, false);
    }
}
