package org.sanimap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sanimap.engine.siting.CoverageSetBuilder;
import org.sanimap.engine.siting.CoverageSets;
import org.sanimap.engine.siting.CoveringInstance;
import org.sanimap.engine.siting.SitingModel;
import org.sanimap.engine.siting.SitingOptimizer;
import org.sanimap.engine.siting.SitingOptions;
import org.sanimap.engine.siting.SitingProblem;
import org.sanimap.engine.siting.SitingResult;

/**
 * NewYork MCLP (2,713 nodes, r = 400 m, great-circle distance with R = 6,378,100 m) for p = 50..100
 * against the published values, and against the same model built with PuLP and solved by CBC
 * ({@code src/test/python/mclp_pulp_cbc.py}, Debian python3-pulp and coinor-cbc) in the same run, in
 * two formulations: coverage variables continuous (as ours) and binary (as spopt builds them). "first
 * reached" is when our final objective was first reported (the heuristic reports each better answer as it
 * finds it; an answer of SCIP's is known only when SCIP ends), counted like the total from before the
 * coverage sets.
 * Not a test: run with
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.sanimap.bench.MclpNewYorkBenchmark ../shared/bench/mclp-newyork [peerLimitSeconds|none]
 * </pre>
 */
public final class MclpNewYorkBenchmark {

    private MclpNewYorkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/bench/mclp-newyork");
        String peer = args.length > 1 ? args[1] : "600";
        long r0 = System.nanoTime();
        CoveringInstance ny;
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("NewYork.txt"))) {
            ny = CoveringInstance.read(in);
        }
        long r1 = System.nanoTime();
        CoverageSets sets = CoverageSetBuilder.greatCircle(ny.lonDegrees(), ny.latDegrees(), ny.lonDegrees(), ny.latDegrees(),
                400, 6_378_100);
        long r2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "read %.0f ms; coverage sets (grid index, haversine) %.0f ms, %d pairs%n",
                (r1 - r0) / 1e6, (r2 - r1) / 1e6, sets.pairCount());
        SitingProblem problem = SitingProblem.withoutExisting(ny.demand(), sets);
        System.out.println("| p | published | heuristic | heuristic ms | objective | first reached ms | bound | status | time to answer ms | peer (y continuous): objective, status, s (build + solve), speed-up | peer (y binary, as spopt): objective, status, s (build + solve), speed-up |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int p = Integer.getInteger("from", 50); p <= Integer.getInteger("to", 100); p += 10) {
            String published = Files.readAllLines(dir.resolve("NewYork_" + p + "_400.txt")).get(0).replace("f:", "").trim();
            long t0 = System.nanoTime();
            // every objective reported as it improves, with its time: when the final answer was first at hand
            List<double[]> reports = new CopyOnWriteArrayList<>();
            SitingOptimizer optimizer = new SitingOptimizer((phase, objective, bound) -> reports.add(
                    new double[] {(System.nanoTime() - t0) / 1e6, objective}));
            SitingResult r = optimizer.run(problem, new SitingOptions(SitingModel.MCLP, p, 1, 60, 2, true, 4000, 1));
            long ours = (System.nanoTime() - t0) / 1_000_000 + (r2 - r1) / 1_000_000;
            long reached = Math.round(reports.stream().filter(e -> e[1] >= r.objective() - 1e-6).mapToDouble(e -> e[0]).min()
                    .orElse(ours)) + (r2 - r1) / 1_000_000;
            String continuous = peer.equals("none") ? "not run" : peer(dir, p, peer, "continuous-y", ours);
            String binary = peer.equals("none") ? "not run" : peer(dir, p, peer, "binary-y", ours);
            System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %d | %.0f | %d | %.0f | %s | %d | %s | %s |%n", p, published,
                    r.heuristicObjective(), r.timings().heuristicMillis(), r.objective(), reached, r.bound(),
                    r.status().name().toLowerCase(Locale.ROOT), ours, continuous, binary);
        }
    }

    /** Runs the PuLP + CBC peer in its own process; its objective, status, times and our speed-up over it. */
    private static String peer(Path dir, int p, String limitSeconds, String formulation, long oursMillis) throws Exception {
        Process proc = new ProcessBuilder("/usr/bin/python3", "src/test/python/mclp_pulp_cbc.py", dir.resolve("NewYork.txt").toString(),
                Integer.toString(p), "400", "6378100", limitSeconds, formulation).redirectErrorStream(true).start();
        String output = new String(proc.getInputStream().readAllBytes()).trim();
        proc.waitFor();
        JsonNode j = new ObjectMapper().readTree(output.substring(output.lastIndexOf('{')));
        double wall = j.path("wall_s").asDouble();
        return String.format(Locale.ROOT, "%.0f, %s, %.1f (%.1f + %.1f), %.1fx", j.path("objective").asDouble(), j.path("status").asText(),
                wall, j.path("build_s").asDouble(), j.path("solve_s").asDouble(), wall * 1000 / oursMillis);
    }
}
