package org.sanimap.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.sanimap.engine.coverage.GreatCircle;
import org.sanimap.engine.siting.CoverageSetBuilder;
import org.sanimap.engine.siting.CoverageSets;
import org.sanimap.engine.siting.SitingModel;
import org.sanimap.engine.siting.SitingOptimizer;
import org.sanimap.engine.siting.SitingOptions;
import org.sanimap.engine.siting.SitingProblem;
import org.sanimap.engine.siting.SitingResult;

/**
 * City-sized siting requests of the shape a planner's takes (demand on 100 m cells, a 100 m candidate
 * grid): N x N demand cells of 100 m near 22.55° N (synthetic population, the sum of 60 Gaussian
 * clusters and noise, fixed by a seed), N x N candidates at the cell corners, R metres great-circle,
 * 60 s on 2 threads: for each P, the MCLP with P new sites, or for {@code lscp} the fewest sites that
 * cover every populated cell ({@code lscp:0.95}: 95 % of the population); the heuristic answer alone,
 * then heuristic + exact search. A scale check, not a reference: the instance has no published optimum.
 * Not a test: run with
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx8g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.sanimap.bench.GridCityBenchmark N RADIUS_METERS P|lscp|lscp:SHARE...
 * </pre>
 */
public final class GridCityBenchmark {

    private static final double CELL_METERS = 100;
    private static final double LAT0 = 22.55;
    private static final double LON0 = 113.95;

    private GridCityBenchmark() {
    }

    public static void main(String[] args) {
        int side = Integer.parseInt(args[0]);
        double radius = Double.parseDouble(args[1]);
        double dLat = Math.toDegrees(CELL_METERS / GreatCircle.MEAN_EARTH_RADIUS_METERS);
        double dLon = dLat / Math.cos(Math.toRadians(LAT0));
        SplittableRandom random = new SplittableRandom(7);
        int clusters = 60;
        double[][] blob = new double[clusters][];
        for (int k = 0; k < clusters; k++) {
            // centre row, centre column, spread in cells, peak population per cell
            blob[k] = new double[] {random.nextDouble(side), random.nextDouble(side), 5 + random.nextDouble(35), 50 + random.nextDouble(350)};
        }
        int n = side * side;
        double[] lon = new double[n];
        double[] lat = new double[n];
        double[] weight = new double[n];
        double[] cLon = new double[n];
        double[] cLat = new double[n];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int k = i * side + j;
                lat[k] = LAT0 + i * dLat;
                lon[k] = LON0 + j * dLon;
                cLat[k] = LAT0 + (i + 0.5) * dLat;
                cLon[k] = LON0 + (j + 0.5) * dLon;
                double w = 0;
                for (double[] b : blob) {
                    double di = i - b[0];
                    double dj = j - b[1];
                    w += b[3] * Math.exp(-(di * di + dj * dj) / (2 * b[2] * b[2]));
                }
                weight[k] = Math.floor(w + 5 * random.nextDouble());
            }
        }
        long t0 = System.nanoTime();
        CoverageSets sets = CoverageSetBuilder.greatCircle(lon, lat, cLon, cLat, radius, GreatCircle.MEAN_EARTH_RADIUS_METERS);
        SitingProblem problem = SitingProblem.withoutExisting(weight, sets);
        System.out.printf(Locale.ROOT, "%d demand cells, %d candidates, %d pairs at %.0f m, built in %.0f ms; total population %.0f%n",
                n, n, sets.pairCount(), radius, (System.nanoTime() - t0) / 1e6, problem.totalWeight());
        System.out.println("| p | mode | objective | bound | gap | status | time s | reduce, heuristic, model, search ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int a = 2; a < args.length; a++) {
            boolean lscp = args[a].startsWith("lscp");
            int p = lscp ? 0 : Integer.parseInt(args[a]);
            double target = args[a].startsWith("lscp:") ? Double.parseDouble(args[a].substring(5)) : 1;
            for (boolean exact : new boolean[] {false, true}) {
                long t1 = System.nanoTime();
                SitingResult r = SitingOptimizer.solve(problem, new SitingOptions(lscp ? SitingModel.LSCP : SitingModel.MCLP, p, target,
                        60, 2, exact, 2000, 1));
                SitingResult.Timings t = r.timings();
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.2f %% | %s | %.1f | %d, %d, %d, %d |%n", args[a],
                        exact ? "heuristic + exact" : "heuristic only", r.objective(), r.bound(), 100 * r.gap(), r.status(),
                        (System.nanoTime() - t1) / 1e9, t.reduceMillis(), t.heuristicMillis(), t.buildMillis(), t.solveMillis());
            }
        }
    }
}
