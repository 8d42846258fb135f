package org.sanimap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        List<String> lines = Files.readAllLines(dir.resolve("NewYork.txt"));
        int coords = -1;
        int demand = -1;
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith("NODE_COORD_SECTION")) {
                coords = k;
            } else if (lines.get(k).startsWith("DEMAND_SECTION")) {
                demand = k;
            }
        }
        int n = demand - coords - 1;
        double[] lat = new double[n];
        double[] lon = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(coords + 1 + i).trim().split("\\s+");
            lat[i] = Math.toRadians(Double.parseDouble(f[0]));
            lon[i] = Math.toRadians(Double.parseDouble(f[1]));
            w[i] = Double.parseDouble(lines.get(demand + 1 + i).trim());
        }
        long b0 = System.nanoTime();
        int[][] sitesOf = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> near = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                double c = Math.sin(lat[i]) * Math.sin(lat[j]) + Math.cos(lat[i]) * Math.cos(lat[j]) * Math.cos(lon[i] - lon[j]);
                if (6_378_100 * Math.acos(Math.max(-1, Math.min(1, c))) <= 400) {
                    near.add(j);
                }
            }
            sitesOf[i] = near.stream().mapToInt(Integer::intValue).toArray();
        }
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
