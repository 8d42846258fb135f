package org.sanimap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sanimap.engine.coverage.CoverageAnalyzer;
import org.sanimap.engine.coverage.CoverageResult;
import org.sanimap.engine.coverage.DemandPoint;
import org.sanimap.engine.coverage.FacilityPoint;
import org.sanimap.engine.coverage.RadiusZones;
import org.sanimap.engine.coverage.ZonedCoverage;

/**
 * What radii by zone cost at city scale: 90,000 demand cells and 2,000 facilities at random in a 0.3° square
 * (about 29 x 33 km at 30° N), a residential zone of 400 parcels of 0.01° (joined, as an import joins them) at
 * 500 m and 300 m elsewhere; straight-line coverage without and with the zones, then the per-zone tally.
 * Not a test: run with
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.sanimap.bench.ZonedCoverageBenchmark
 * </pre>
 */
public final class ZonedCoverageBenchmark {

    private ZonedCoverageBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(1);
        List<DemandPoint> demand = new ArrayList<>();
        for (int i = 0; i < 90_000; i++) {
            demand.add(new DemandPoint("d" + i, 120 + random.nextDouble() * 0.3, 30 + random.nextDouble() * 0.3, 10, null));
        }
        List<FacilityPoint> facilities = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            facilities.add(new FacilityPoint("f" + i, 120 + random.nextDouble() * 0.3, 30 + random.nextDouble() * 0.3));
        }
        GeometryFactory g = new GeometryFactory();
        List<Geometry> parcels = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double x = 120 + random.nextDouble() * 0.29;
            double y = 30 + random.nextDouble() * 0.29;
            parcels.add(g.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 0.01, y),
                new Coordinate(x + 0.01, y + 0.01), new Coordinate(x, y + 0.01), new Coordinate(x, y)}));
        }
        Geometry residential = UnaryUnionOp.union(parcels);
        RadiusZones zones = new RadiusZones(List.of(new RadiusZones.Zone("residential", residential, 500)));
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            CoverageResult plain = new CoverageAnalyzer().compute(demand, facilities, 300);
            long t1 = System.nanoTime();
            CoverageResult zoned = new ZonedCoverage(new CoverageAnalyzer(), zones).compute(demand, facilities, 300);
            long t2 = System.nanoTime();
            List<RadiusZones.ZoneCoverage> tally = zones.tally(demand, zoned, 300);
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d: plain %.0f ms (%.0f covered); zoned %.0f ms (%.0f covered, %.0f in the zone); "
                    + "tally %.0f ms; zone of %d parts%n", round, (t1 - t0) / 1e6, plain.coveredPopulation(), (t2 - t1) / 1e6,
                    zoned.coveredPopulation(), tally.get(0).totalPopulation(), (t3 - t2) / 1e6, residential.getNumGeometries());
        }
    }
}
