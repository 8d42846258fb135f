package org.sanimap.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class AreaWeightedCoverageTest {

    private final GeometryFactory factory = new GeometryFactory();
    private final LocalPlane plane = new LocalPlane(120, 30);

    private Geometry square(double x0, double y0, double side) {
        return plane.toWgs84(factory.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x0 + side, y0),
            new Coordinate(x0 + side, y0 + side), new Coordinate(x0, y0 + side), new Coordinate(x0, y0)}));
    }

    @Test
    void aCellHalfInsideTheDiscCountsHalfItsPopulation() {
        // a 200 m cell whose left half lies inside a huge disc (radius 10 km centred 10 km to the west of the cell's middle)
        Geometry cell = square(-100, -100, 200);
        double[] centre = {-10_000, 0};
        Geometry centreWgs84 = plane.toWgs84(factory.createPoint(new Coordinate(centre[0], centre[1])));
        FacilityPoint facility = new FacilityPoint("f", centreWgs84.getCoordinate().x, centreWgs84.getCoordinate().y);
        DemandPoint d = new DemandPoint("c", 120, 30, 1000, null);
        DemandPoint far = new DemandPoint("far", 121, 30, 50, null);
        Map<String, Geometry> polygons = Map.of("c", cell, "far", square(96_000, 0, 200));
        AreaWeightedCoverage model = new AreaWeightedCoverage(new CoverageAnalyzer(), polygons, plane,
                (prepared, facilities) -> new GapAreaBuilder().straightLineServiceArea(facilities, 10_000, plane));

        CoverageResult r = model.compute(List.of(d, far), List.of(facility), 10_000);

        // the disc's edge crosses the cell's middle: half the cell, less what the 64-gon cuts off (its edges lie at
        // most r(1 - cos(pi/64)) = 12.05 m inside the circle) and plus the circle's bulge (y^2/2r = 0.5 m at the corners)
        double sagitta = 10_000 * (1 - Math.cos(Math.PI / 64));
        assertThat(r.coveredPopulation()).isBetween(1000 * (100 - sagitta) / 200, 1000 * (100 + 0.5) / 200);
        assertThat(r.totalPopulation()).isEqualTo(1050.0);
    }
}
