package org.sanimap.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanimap.engine.coverage.CoverageAnalyzer;
import org.sanimap.engine.coverage.DemandPoint;
import org.sanimap.engine.coverage.FacilityPoint;
import org.sanimap.engine.coverage.GreatCircle;
import org.sanimap.importing.OsmWalkingNetworkReader;

class WalkingCoverageAnalyzerTest {

    static final Path SHARED = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared"));
    static WalkingGraph portoAlegre;
    static List<DemandPoint> hexagons;

    @BeforeAll
    static void load() throws Exception {
        portoAlegre = new OsmWalkingNetworkReader().readPbf(SHARED.resolve("data/porto-alegre/poa_osm.pbf"));
        hexagons = new ArrayList<>();
        List<String> lines = Files.readAllLines(SHARED.resolve("data/porto-alegre/poa_hexgrid.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            hexagons.add(new DemandPoint(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), null));
        }
    }

    @Test
    void portoAlegreGraphIsAWholeCityNetwork() {
        // shared/data/README.md: 43k nodes and 16k ways, filtered for routing
        assertThat(portoAlegre.nodeCount()).isBetween(10_000, 43_000);
        assertThat(portoAlegre.edgeCount()).isGreaterThan(portoAlegre.nodeCount() / 2);
        assertThat(portoAlegre.totalKm()).isGreaterThan(500);
    }

    @Test
    void walkingAroundACornerIsLongerThanTheStraightLine() {
        // an L: (0,0) -> (0.002,0) -> (0.002,0.002); facility at the start, demand at the end
        WalkingGraphBuilder b = new WalkingGraphBuilder();
        b.addWay(new long[] {1, 2, 3}, new double[] {0, 0.002, 0.002}, new double[] {0, 0, 0.002});
        WalkingGraph g = b.build();
        double leg = Math.toRadians(0.002) * GreatCircle.MEAN_EARTH_RADIUS_METERS; // 222.39 m
        WalkingCoverageAnalyzer walking = new WalkingCoverageAnalyzer(g);
        WalkingCoverageAnalyzer.Prepared p = walking.prepare(List.of(new FacilityPoint("f", 0, 0)), 500);
        assertThat(p.distanceMeters(0.002, 0.002)).isCloseTo(2 * leg, within(0.01));
        // straight line is only √2 · leg = 314.5 m: covered at 400 m straight, not walking
        List<DemandPoint> d = List.of(new DemandPoint("d", 0.002, 0.002, 7, null));
        List<FacilityPoint> f = List.of(new FacilityPoint("f", 0, 0));
        assertThat(CoverageAnalyzer.analyze(d, f, 400).coveredPopulation()).isEqualTo(7.0);
        assertThat(walking.compute(d, f, 400).coveredPopulation()).isZero();
        assertThat(walking.compute(d, f, 2 * leg).coveredPopulation()).isEqualTo(7.0);
        // a point 10 m off the middle of the first leg: leg + along-edge distance
        double tenMetres = Math.toDegrees(10 / GreatCircle.MEAN_EARTH_RADIUS_METERS);
        assertThat(p.distanceMeters(0.001, -tenMetres)).isCloseTo(leg / 2 + 10, within(0.01));
    }

    @Test
    void multiSourceSearchMatchesPlainDijkstraFromEachFacility() {
        Random random = new Random(3);
        for (double radius : new double[] {300, 800}) {
            List<FacilityPoint> facilities = new ArrayList<>();
            for (int j = 0; j < 40; j++) {
                DemandPoint near = hexagons.get(random.nextInt(hexagons.size()));
                facilities.add(new FacilityPoint("f" + j, near.lonWgs84() + 0.002 * (random.nextDouble() - 0.5),
                        near.latWgs84() + 0.002 * (random.nextDouble() - 0.5)));
            }
            WalkingCoverageAnalyzer walking = new WalkingCoverageAnalyzer(portoAlegre);
            WalkingCoverageAnalyzer.Prepared prepared = walking.prepare(facilities, radius);
            NetworkSnapper snapper = walking.snapper();
            // plain Dijkstra (java.util.PriorityQueue, unbounded) from every facility separately
            double[][] fromFacility = new double[facilities.size()][];
            NetworkSnap[] facilitySnaps = new NetworkSnap[facilities.size()];
            for (int j = 0; j < facilities.size(); j++) {
                facilitySnaps[j] = snapper.snap(facilities.get(j).lonWgs84(), facilities.get(j).latWgs84());
                fromFacility[j] = facilitySnaps[j] == null ? null : dijkstra(portoAlegre, facilitySnaps[j]);
            }
            int compared = 0;
            for (DemandPoint d : hexagons) {
                NetworkSnap ds = snapper.snap(d.lonWgs84(), d.latWgs84());
                double expected = Double.POSITIVE_INFINITY;
                if (ds != null) {
                    double m = portoAlegre.edgeMeters(ds.segment());
                    for (int j = 0; j < facilities.size(); j++) {
                        if (fromFacility[j] == null) {
                            continue;
                        }
                        double[] dist = fromFacility[j];
                        double via = Math.min(dist[portoAlegre.edgeFrom(ds.segment())] + ds.fraction() * m,
                                dist[portoAlegre.edgeTo(ds.segment())] + (1 - ds.fraction()) * m);
                        if (facilitySnaps[j].segment() == ds.segment()) {
                            via = Math.min(via, Math.abs(facilitySnaps[j].fraction() - ds.fraction()) * m + facilitySnaps[j].legMeters());
                        }
                        expected = Math.min(expected, via + ds.legMeters());
                    }
                }
                double actual = prepared.distanceMeters(d.lonWgs84(), d.latWgs84());
                if (expected <= radius) {
                    assertThat(actual).isCloseTo(expected, within(1e-6));
                    compared++;
                } else {
                    assertThat(actual).isEqualTo(Double.POSITIVE_INFINITY);
                }
            }
            assertThat(compared).as("cells within %s m on foot", radius).isGreaterThan(10);
        }
    }

    @Test
    void walkingCoverageNeverExceedsStraightLineCoverage() {
        Random random = new Random(11);
        for (int trial = 0; trial < 6; trial++) {
            List<FacilityPoint> facilities = new ArrayList<>();
            for (int j = 0; j < 30; j++) {
                DemandPoint near = hexagons.get(random.nextInt(hexagons.size()));
                facilities.add(new FacilityPoint("f" + j, near.lonWgs84(), near.latWgs84()));
            }
            double radius = 200 + random.nextInt(1000);
            boolean[] walking = new WalkingCoverageAnalyzer(portoAlegre).prepare(facilities, radius).covered(hexagons);
            boolean[] straight = new CoverageAnalyzer().prepare(facilities, radius).covered(hexagons);
            for (int i = 0; i < hexagons.size(); i++) {
                if (walking[i]) {
                    assertThat(straight[i]).as("cell %d at %s m", i, radius).isTrue();
                }
            }
        }
    }

    /** Textbook Dijkstra from the two ends of a snapped facility's edge. */
    static double[] dijkstra(WalkingGraph g, NetworkSnap source) {
        double[] dist = new double[g.nodeCount()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[1], b[1]));
        double m = g.edgeMeters(source.segment());
        int a = g.edgeFrom(source.segment());
        int b = g.edgeTo(source.segment());
        dist[a] = source.legMeters() + source.fraction() * m;
        dist[b] = Math.min(dist[b], source.legMeters() + (1 - source.fraction()) * m);
        queue.add(new double[] {a, dist[a]});
        queue.add(new double[] {b, dist[b]});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int node = (int) top[0];
            if (top[1] > dist[node]) {
                continue;
            }
            g.forEachNeighbour(node, (next, meters) -> {
                if (dist[node] + meters < dist[next]) {
                    dist[next] = dist[node] + meters;
                    queue.add(new double[] {next, dist[next]});
                }
            });
        }
        return dist;
    }
}
