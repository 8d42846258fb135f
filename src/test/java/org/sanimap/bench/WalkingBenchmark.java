package org.sanimap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.sanimap.engine.coverage.CoverageResult;
import org.sanimap.engine.coverage.DemandPoint;
import org.sanimap.engine.coverage.FacilityPoint;
import org.sanimap.engine.network.WalkingCoverageAnalyzer;
import org.sanimap.engine.network.WalkingGraph;
import org.sanimap.importing.OsmWalkingNetworkReader;

/**
 * Walking coverage benchmark on the Porto Alegre extract: graph build time, coverage of the 1,227
 * hexagons for 1,000 facilities at 300 m, and a scaling table over random demand points (10k to 1M)
 * with peak heap. Not a test: run with
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.sanimap.bench.WalkingBenchmark ../shared/data/porto-alegre
 * </pre>
 */
public final class WalkingBenchmark {

    private WalkingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/porto-alegre");
        long bestBuild = Long.MAX_VALUE;
        WalkingGraph graph = null;
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            graph = new OsmWalkingNetworkReader().readPbf(dir.resolve("poa_osm.pbf"));
            if (run >= 1) {
                bestBuild = Math.min(bestBuild, System.nanoTime() - t0);
            }
        }
        long s0 = System.nanoTime();
        WalkingCoverageAnalyzer walking = new WalkingCoverageAnalyzer(graph);
        long snapIndex = System.nanoTime() - s0;
        System.out.printf(Locale.ROOT, "graph: %,d nodes, %,d edges, %.0f km; read+build %.0f ms (best of 3 after a warm-up); "
                + "snapping index %.0f ms%n", graph.nodeCount(), graph.edgeCount(), graph.totalKm(), bestBuild / 1e6, snapIndex / 1e6);

        List<DemandPoint> hexagons = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("poa_hexgrid.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            hexagons.add(new DemandPoint(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), null));
        }
        double minLon = -51.2664;
        double maxLon = -51.1322;
        double minLat = -30.1133;
        double maxLat = -29.9876;
        Random random = new Random(42);
        List<FacilityPoint> facilities = new ArrayList<>();
        for (int j = 0; j < 1000; j++) {
            facilities.add(new FacilityPoint("f" + j, minLon + random.nextDouble() * (maxLon - minLon),
                    minLat + random.nextDouble() * (maxLat - minLat)));
        }
        long bestSearch = Long.MAX_VALUE;
        long bestCells = Long.MAX_VALUE;
        CoverageResult result = null;
        for (int run = 0; run < 7; run++) {
            long t0 = System.nanoTime();
            WalkingCoverageAnalyzer.Prepared prepared = walking.prepare(facilities, 300);
            long t1 = System.nanoTime();
            result = CoverageResult.of(hexagons, prepared.covered(hexagons), 300);
            long t2 = System.nanoTime();
            if (run >= 2) {
                bestSearch = Math.min(bestSearch, t1 - t0);
                bestCells = Math.min(bestCells, t2 - t1);
            }
        }
        System.out.printf(Locale.ROOT, "1,000 facilities at 300 m over %,d hexagons: search %.1f ms + cells %.1f ms = %.1f ms "
                + "(best of 5); covered %,.0f of %,.0f people%n", hexagons.size(), bestSearch / 1e6, bestCells / 1e6,
                (bestSearch + bestCells) / 1e6, result.coveredPopulation(), result.totalPopulation());

        WalkingCoverageAnalyzer.Prepared prepared = walking.prepare(facilities, 300);
        System.out.println("| demand points | compute ms (snap + test) | covered share |");
        System.out.println("|---|---|---|");
        for (int n : new int[] {10_000, 100_000, 1_000_000}) {
            List<DemandPoint> demand = new ArrayList<>(n);
            Random r = new Random(n);
            for (int i = 0; i < n; i++) {
                demand.add(new DemandPoint(Integer.toString(i), minLon + r.nextDouble() * (maxLon - minLon),
                        minLat + r.nextDouble() * (maxLat - minLat), 1, null));
            }
            long best = Long.MAX_VALUE;
            boolean[] covered = null;
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                covered = prepared.covered(demand);
                best = Math.min(best, System.nanoTime() - t0);
            }
            int c = 0;
            for (boolean b : covered) {
                c += b ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "| %,d | %.0f | %.1f %% |%n", n, best / 1e6, 100.0 * c / n);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of heap pools' peaks): %,d MB%n", peak >> 20);
    }
}
