package org.sanimap.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class RadiusZonesTest {

    private final GeometryFactory factory = new GeometryFactory();
    private final LocalPlane plane = new LocalPlane(120, 30);

    /** A rectangle in local metres around (120°, 30°), as a WGS84 polygon. */
    private Geometry box(double x0, double y0, double x1, double y1) {
        return plane.toWgs84(factory.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)}));
    }

    /** A position given in local metres, in WGS84. */
    private Coordinate at(double x, double y) {
        return plane.toWgs84(factory.createPoint(new Coordinate(x, y))).getCoordinate();
    }

    @Test
    void eachUnitIsServedWithinItsZonesRadiusAsBruteForceFinds() {
        // a 3 km x 3 km town: a commercial zone (300 m), a residential zone (500 m) overlapping it, the rest at 200 m
        Geometry commercial = box(-1500, -1500, 0, 0);
        Geometry residential = box(-500, -500, 1500, 1500);
        RadiusZones zones = new RadiusZones(List.of(new RadiusZones.Zone("residential", residential, 500),
                new RadiusZones.Zone("commercial", commercial, 300)));
        Random random = new Random(7);
        List<DemandPoint> demand = new ArrayList<>();
        List<double[]> local = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double x = random.nextDouble() * 3000 - 1500;
            double y = random.nextDouble() * 3000 - 1500;
            Coordinate c = at(x, y);
            local.add(new double[] {x, y});
            demand.add(new DemandPoint("d" + i, c.x, c.y, 1 + random.nextInt(50), null));
        }
        List<FacilityPoint> toilets = new ArrayList<>();
        for (int j = 0; j < 25; j++) {
            Coordinate c = at(random.nextDouble() * 3000 - 1500, random.nextDouble() * 3000 - 1500);
            toilets.add(new FacilityPoint("t" + j, c.x, c.y));
        }

        boolean[] covered = new ZonedCoverage(new CoverageAnalyzer(), zones).prepare(toilets, 200).covered(demand);

        int inOverlap = 0;
        for (int i = 0; i < demand.size(); i++) {
            DemandPoint d = demand.get(i);
            double x = local.get(i)[0];
            double y = local.get(i)[1];
            boolean c = x <= 0 && y <= 0;
            boolean r = x >= -500 && y >= -500;
            inOverlap += c && r ? 1 : 0;
            double radius = c ? 300 : r ? 500 : 200; // overlaps take the strictest (smallest) radius
            boolean expected = false;
            for (FacilityPoint t : toilets) {
                expected |= GreatCircle.distanceMeters(d.lonWgs84(), d.latWgs84(), t.lonWgs84(), t.latWgs84()) <= radius;
            }
            assertThat(covered[i]).as("unit %d", i).isEqualTo(expected);
            assertThat(zones.radiiMeters(List.of(d), 200)[0]).isEqualTo(radius);
        }
        assertThat(inOverlap).isGreaterThan(50);
    }

    @Test
    void tallyCountsEachUnitInTheZoneWhoseRadiusServedIt() {
        Geometry west = box(-1000, -1000, 0, 1000);
        RadiusZones zones = new RadiusZones(List.of(new RadiusZones.Zone("commercial", west, 300)));
        Coordinate a = at(-500, 0);
        Coordinate b = at(-200, 0);
        Coordinate c = at(500, 0);
        List<DemandPoint> demand = List.of(new DemandPoint("a", a.x, a.y, 10, null), new DemandPoint("b", b.x, b.y, 20, null),
                new DemandPoint("c", c.x, c.y, 40, null));
        Coordinate t = at(-100, 0);
        // a is 400 m from the toilet (out of 300), b 100 m (in), c 600 m (in at the default 700 m)
        CoverageResult result = new ZonedCoverage(new CoverageAnalyzer(), zones).compute(demand,
                List.of(new FacilityPoint("t", t.x, t.y)), 700);

        assertThat(result.coveredPopulation()).isCloseTo(60, within(1e-9));
        assertThat(zones.tally(demand, result, 700)).containsExactly(
                new RadiusZones.ZoneCoverage("commercial", 300, 30, 20, 2, 1),
                new RadiusZones.ZoneCoverage(RadiusZones.OUTSIDE_ZONES, 700, 40, 40, 1, 1));
    }

    @Test
    void clippedServiceAreaIsEachZonesDiscsInsideItAndTheDefaultDiscsOutside() {
        Geometry west = box(-2000, -1000, 0, 1000);
        RadiusZones zones = new RadiusZones(List.of(new RadiusZones.Zone("commercial", west, 300)));
        GapAreaBuilder builder = new GapAreaBuilder();
        List<FacilityPoint> one = List.of(new FacilityPoint("t", 120, 30));

        Geometry served = plane.toPlane(zones.clipServiceArea(r -> builder.straightLineServiceArea(one, r, plane), 600));

        // half a 300 m disc west of x = 0 and half a 600 m disc east of it (64-gons: 0.16 % below the circles)
        double expected = Math.PI * (300 * 300 + 600 * 600) / 2;
        assertThat(served.getArea()).isCloseTo(expected, within(expected * 0.003));
        assertThat(served.covers(factory.createPoint(new Coordinate(-400, 0)))).isFalse();
        assertThat(served.covers(factory.createPoint(new Coordinate(500, 0)))).isTrue();
    }

    @Test
    void aZoneNeedsAPositiveRadius() {
        assertThatThrownBy(() -> new RadiusZones.Zone("residential", box(0, 0, 1, 1), 0))
                .hasMessage("radius zone 'residential': radius 0.0 m must be > 0");
    }
}
