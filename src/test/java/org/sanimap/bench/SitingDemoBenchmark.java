package org.sanimap.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sanimap.demand.DemandCell;
import org.sanimap.engine.coverage.GreatCircle;
import org.sanimap.engine.siting.CandidateGenerator;
import org.sanimap.engine.siting.CoverageSetBuilder;
import org.sanimap.engine.siting.CoverageSets;
import org.sanimap.engine.siting.SitingModel;
import org.sanimap.engine.siting.SitingOptimizer;
import org.sanimap.engine.siting.SitingOptions;
import org.sanimap.engine.siting.SitingProblem;
import org.sanimap.engine.siting.SitingQuotas;
import org.sanimap.engine.siting.SitingSpacing;
import org.sanimap.engine.siting.SitingResult;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityType;
import org.sanimap.importing.DemandCsvReader;
import org.sanimap.importing.OsmFacilityReader;
import org.sanimap.importing.OsmReadOptions;

/**
 * The demo city (Porto Alegre): MCLP for N new public toilets at 300 m (straight line) over a 100 m
 * candidate grid over the gaps, the existing toilets kept; the heuristic alone, then heuristic + exact
 * search with a 60 s limit; the same with at most a fifth of the sites north of the gaps' median latitude
 * (district quotas); the same with 400 m at least between new toilets; then LSCP, the fewest new toilets covering every resident and 95 % of them
 * (exact, 60 s). The same steps as {@code POST /api/siting}. Not a test: run with
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.sanimap.bench.SitingDemoBenchmark data/demo/porto-alegre 50
 * </pre>
 */
public final class SitingDemoBenchmark {

    private SitingDemoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/demo/porto-alegre");
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        double radius = 300;
        List<DemandCell> cells = new DemandCsvReader().read(dir.resolve("poa_hexgrid.csv"), "poa_hexgrid.csv").cells();
        List<FacilityAttributes> toilets = new ArrayList<>();
        for (FacilityAttributes f : new OsmFacilityReader(OsmReadOptions.defaults()).readPbf(dir.resolve("poa_osm.pbf")).facilities()) {
            if (f.type() == FacilityType.PUBLIC_TOILET) {
                toilets.add(f);
            }
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            double[] dLon = cells.stream().mapToDouble(DemandCell::lonWgs84).toArray();
            double[] dLat = cells.stream().mapToDouble(DemandCell::latWgs84).toArray();
            double[] w = cells.stream().mapToDouble(DemandCell::population).toArray();
            double[] eLon = toilets.stream().mapToDouble(FacilityAttributes::lonWgs84).toArray();
            double[] eLat = toilets.stream().mapToDouble(FacilityAttributes::latWgs84).toArray();
            CoverageSets existing = CoverageSetBuilder.greatCircle(dLon, dLat, eLon, eLat, radius, GreatCircle.MEAN_EARTH_RADIUS_METERS);
            int[] gaps = SitingProblem.gaps(w, existing);
            double[][] grid = CandidateGenerator.gridOverGaps(Arrays.stream(gaps).mapToDouble(i -> dLon[i]).toArray(),
                    Arrays.stream(gaps).mapToDouble(i -> dLat[i]).toArray(), 100, radius);
            CoverageSets sets = CoverageSetBuilder.greatCircle(dLon, dLat, grid[0], grid[1], radius, GreatCircle.MEAN_EARTH_RADIUS_METERS);
            SitingProblem problem = SitingProblem.withExisting(w, sets, existing);
            long built = System.nanoTime();
            SitingResult quick = SitingOptimizer.solve(problem, new SitingOptions(SitingModel.MCLP, p, 1, 60, 2, false, 2000, 1));
            long heuristicDone = System.nanoTime();
            SitingResult exact = SitingOptimizer.solve(problem, new SitingOptions(SitingModel.MCLP, p, 1, 60, 2, true, 2000, 1));
            long exactDone = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d: %d cells, %d toilets, %d gap cells, %d grid candidates, %d pairs; build %.0f ms%n",
                    round, cells.size(), toilets.size(), gaps.length, grid[0].length, sets.pairCount(), (built - t0) / 1e6);
            System.out.printf(Locale.ROOT, "  heuristic only: %.0f people in %.0f ms (build + solve: %.0f ms); bound %.0f%n",
                    quick.objective(), (heuristicDone - built) / 1e6, (heuristicDone - t0) / 1e6, quick.bound());
            System.out.printf(Locale.ROOT, "  heuristic + exact: %s, %.0f people, bound %.0f, gap %.3f %%, in %.0f ms (heuristic %d ms, reduce %d ms, model %d ms, search %d ms)%n",
                    exact.status(), exact.objective(), exact.bound(), 100 * exact.gap(), (exactDone - heuristicDone) / 1e6,
                    exact.timings().heuristicMillis(), exact.timings().reduceMillis(), exact.timings().buildMillis(), exact.timings().solveMillis());
            // district quotas: the candidates north of the median gap latitude at most a fifth of the p sites
            double[] gapLat = Arrays.stream(gaps).mapToDouble(i -> dLat[i]).sorted().toArray();
            double median = gapLat[gapLat.length / 2];
            int[] group = Arrays.stream(grid[1]).mapToInt(lat -> lat > median ? 0 : -1).toArray();
            int northUnconstrained = (int) exact.proposals().stream().filter(s -> group[s.candidate()] == 0).count();
            SitingQuotas quotas = new SitingQuotas(group, new int[] {p / 5}, List.of("north"));
            long q0 = System.nanoTime();
            SitingResult quotaQuick = new SitingOptimizer(null).run(problem, new SitingOptions(SitingModel.MCLP, p, 1, 60, 2, false,
                    2000, 1), quotas);
            long q1 = System.nanoTime();
            SitingResult quotaExact = new SitingOptimizer(null).run(problem, new SitingOptions(SitingModel.MCLP, p, 1, 60, 2, true,
                    2000, 1), quotas);
            long q2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  quota: north of latitude %.4f at most %d sites (unconstrained optimum puts %d there): "
                    + "heuristic %.0f people, bound %.0f, in %.0f ms; exact %s, %.0f people, bound %.0f, in %.0f ms%n", median, p / 5,
                    northUnconstrained, quotaQuick.objective(), quotaQuick.bound(), (q1 - q0) / 1e6, quotaExact.status(), quotaExact.objective(),
                    quotaExact.bound(), (q2 - q1) / 1e6);
            // a minimum spacing of 400 m between the new toilets
            SitingSpacing spacing = SitingSpacing.of(grid[0], grid[1], 400);
            long pairs = Arrays.stream(spacing.conflictsOfCandidate()).mapToLong(c -> c.length).sum() / 2;
            long s0 = System.nanoTime();
            SitingResult spacedQuick = new SitingOptimizer(null).run(problem, new SitingOptions(SitingModel.MCLP, p, 1, 60, 2, false,
                    2000, 1), null, spacing);
            long s1 = System.nanoTime();
            SitingResult spacedExact = new SitingOptimizer(null).run(problem, new SitingOptions(SitingModel.MCLP, p, 1, 60, 2, true,
                    2000, 1), null, spacing);
            long s2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  spacing 400 m (%d conflicting pairs, built in %.0f ms): heuristic %.0f people, bound %.0f, "
                    + "in %.0f ms; exact %s, %.0f people, bound %.0f, in %.0f ms (%d sites)%n", pairs, (s0 - q2) / 1e6,
                    spacedQuick.objective(), spacedQuick.bound(), (s1 - s0) / 1e6, spacedExact.status(), spacedExact.objective(),
                    spacedExact.bound(), (s2 - s1) / 1e6, spacedExact.proposals().size());
            for (double target : new double[] {1, 0.95}) {
                long l0 = System.nanoTime();
                SitingResult lscp = SitingOptimizer.solve(problem, new SitingOptions(SitingModel.LSCP, 0, target, 60, 2, true, 0, 1));
                System.out.printf(Locale.ROOT, "  LSCP, %.0f %% of residents: %s, %.0f new toilets (heuristic %.0f), bound %.0f, in %.0f ms%n",
                        100 * target, lscp.status(), lscp.objective(), lscp.heuristicObjective(), lscp.bound(), (System.nanoTime() - l0) / 1e6);
            }
        }
    }
}
