package org.sanimap.bench;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sanimap.engine.siting.CoverageSetBuilder;
import org.sanimap.engine.siting.CoverageSets;
import org.sanimap.engine.siting.CoveringInstance;
import org.sanimap.engine.siting.SitingModel;
import org.sanimap.engine.siting.SitingOptimizer;
import org.sanimap.engine.siting.SitingOptions;
import org.sanimap.engine.siting.SitingProblem;
import org.sanimap.engine.siting.SitingResult;

/**
 * The heuristic alone on NewYork (r = 400 m, R = 6,378,100 m), one thread, seed after seed: the covered
 * population it ends with, and when it first had it, against the published values. Not a test: run with
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.sanimap.bench.MclpHeuristicBenchmark ../shared/bench/mclp-newyork SECONDS SEEDS P...
 * </pre>
 */
public final class MclpHeuristicBenchmark {

    private MclpHeuristicBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int seeds = Integer.parseInt(args[2]);
        CoveringInstance ny;
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("NewYork.txt"))) {
            ny = CoveringInstance.read(in);
        }
        CoverageSets sets = CoverageSetBuilder.greatCircle(ny.lonDegrees(), ny.latDegrees(), ny.lonDegrees(), ny.latDegrees(),
                400, 6_378_100);
        SitingProblem problem = SitingProblem.withoutExisting(ny.demand(), sets);
        System.out.println("| p | published | seed | objective | below published | first reached s |");
        System.out.println("|---|---|---|---|---|---|");
        for (int a = 3; a < args.length; a++) {
            int p = Integer.parseInt(args[a]);
            double published = Double.parseDouble(Files.readAllLines(dir.resolve("NewYork_" + p + "_400.txt")).get(0)
                    .replace("f:", "").trim());
            for (long seed = 1; seed <= seeds; seed++) {
                long t0 = System.nanoTime();
                double[] last = {Double.NaN, 0};
                SitingOptimizer optimizer = new SitingOptimizer((phase, objective, bound) -> {
                    if (!Double.isNaN(objective) && !(objective <= last[0])) {
                        last[0] = objective;
                        last[1] = (System.nanoTime() - t0) / 1e9;
                    }
                });
                // heuristic only, one thread, every round it can do in the time
                SitingResult r = optimizer.run(problem,
                        new SitingOptions(SitingModel.MCLP, p, 1, seconds, 1, false, Integer.MAX_VALUE, seed));
                System.out.printf(Locale.ROOT, "| %d | %.0f | %d | %.0f | %.0f | %.1f |%n", p, published, seed, r.objective(),
                        published - r.objective(), last[1]);
            }
        }
    }
}
