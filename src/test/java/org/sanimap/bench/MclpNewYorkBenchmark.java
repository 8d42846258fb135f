package org.sanimap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.BufferedReader;
import java.util.Locale;
import org.sanimap.engine.siting.CoveringInstance;
import org.sanimap.engine.siting.MclpSolution;
import org.sanimap.engine.siting.MclpSolver;

/**
 * NewYork MCLP (2,713 nodes, r = 400 m, law of cosines with R = 6,378,100 m) for p = 50..100 against
 * the published values. Not a test: run with
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.sanimap.bench.MclpNewYorkBenchmark ../shared/bench/mclp-newyork
 * </pre>
 */
public final class MclpNewYorkBenchmark {

    private MclpNewYorkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/bench/mclp-newyork");
        CoveringInstance ny;
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("NewYork.txt"))) {
            ny = CoveringInstance.read(in);
        }
        int n = ny.size();
        double[] w = ny.demand();
        long b0 = System.nanoTime();
        int[][] sitesOf = ny.sitesWithin(400, 6_378_100);
        System.out.printf(Locale.ROOT, "coverage sets (all pairs, law of cosines): %.0f ms%n", (System.nanoTime() - b0) / 1e6);
        System.out.println("| p | published | objective | bound | status | build ms | solve ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int p = 50; p <= 100; p += 10) {
            String published = Files.readAllLines(dir.resolve("NewYork_" + p + "_400.txt")).get(0).replace("f:", "").trim();
            MclpSolution s = new MclpSolver(60, 2).solve(w, sitesOf, n, p);
            System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.0f | %s | %d | %d |%n", p, published, s.objective(), s.bound(),
                    s.status().name().toLowerCase(Locale.ROOT), s.buildMillis(), s.solveMillis());
        }
    }
}
