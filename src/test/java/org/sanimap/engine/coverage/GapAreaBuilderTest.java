package org.sanimap.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sanimap.engine.network.WalkingCoverageAnalyzer;
import org.sanimap.engine.network.WalkingGraph;
import org.sanimap.engine.network.WalkingGraphBuilder;

class GapAreaBuilderTest {

    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void aDistrictMinusOneDiscLeavesItsAreaLessPiRSquared() {
        LocalPlane plane = new LocalPlane(120, 30);
        // a 2 km x 2 km district around (120, 30) and a toilet in its middle serving 300 m
        double half = 1000;
        Geometry square = plane.toWgs84(factory.createPolygon(new Coordinate[] {new Coordinate(-half, -half),
            new Coordinate(half, -half), new Coordinate(half, half), new Coordinate(-half, half), new Coordinate(-half, -half)}));
        GapAreaBuilder builder = new GapAreaBuilder();
        Geometry served = builder.straightLineServiceArea(List.of(new FacilityPoint("t", 120, 30)), 300, plane);
        List<GapAreaBuilder.GapArea> gaps = builder.gaps(served, List.of(new DistrictAssigner.NamedArea("鼓楼区", square)),
                List.of(), plane);

        // 4 km² minus π·0.3² km²; the disc is a 64-gon, whose area is 0.16 % below the circle's
        double expected = 4.0 - Math.PI * 0.09;
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.district()).isEqualTo("鼓楼区");
            assertThat(g.areaKm2()).isCloseTo(expected, within(Math.PI * 0.09 * 0.002));
            assertThat(g.areaWgs84().contains(factory.createPoint(new Coordinate(120, 30)))).isFalse();
        });
    }

    @Test
    void theWalkingServiceAreaLiesWithinTheStraightLineDiscWidenedByTheTrim() {
        // a straight street east-west and a side street going north, 1 km each
        WalkingGraphBuilder b = new WalkingGraphBuilder();
        b.addWay(new long[] {1, 2, 3}, new double[] {119.99, 120.0, 120.01}, new double[] {30, 30, 30});
        b.addWay(new long[] {2, 4}, new double[] {120.0, 120.0}, new double[] {30, 30.01});
        WalkingGraph g = b.build();
        LocalPlane plane = new LocalPlane(120, 30);
        List<FacilityPoint> toilet = List.of(new FacilityPoint("t", 120.0, 30.0));
        Geometry walking = new WalkingCoverageAnalyzer(g).prepare(toilet, 300).serviceArea(30, plane);
        Geometry disc = new GapAreaBuilder().straightLineServiceArea(toilet, 300 + 30, plane);
        assertThat(plane.toPlane(disc).buffer(1).covers(plane.toPlane(walking))).isTrue();
        // three arms of 300 m, 60 m wide: roughly 3 x 300 x 60 m² = 0.054 km² (plus round ends, minus overlaps)
        assertThat(plane.toPlane(walking).getArea() / 1e6).isBetween(0.05, 0.06);
    }
}
