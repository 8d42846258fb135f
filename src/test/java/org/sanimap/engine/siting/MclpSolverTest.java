package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MclpSolverTest {

    static final Path NY = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared"))
            .resolve("bench/mclp-newyork");

    @Test
    void newYorkAt400MetresReachesThePublishedOptimumForFiftySites() throws Exception {
        List<String> lines = Files.readAllLines(NY.resolve("NewYork.txt"));
        int coords = lines.indexOf(lines.stream().filter(l -> l.startsWith("NODE_COORD_SECTION")).findFirst().orElseThrow());
        int demand = lines.indexOf(lines.stream().filter(l -> l.startsWith("DEMAND_SECTION")).findFirst().orElseThrow());
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
        // the instance's distance: spherical law of cosines, R = 6,378,100 m, covered iff d <= 400 m
        int[][] sitesOf = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> near = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                double c = Math.sin(lat[i]) * Math.sin(lat[j]) + Math.cos(lat[i]) * Math.cos(lat[j]) * Math.cos(lon[i] - lon[j]);
                double d = 6_378_100 * Math.acos(Math.max(-1, Math.min(1, c)));
                if (d <= 400) {
                    near.add(j);
                }
            }
            sitesOf[i] = near.stream().mapToInt(Integer::intValue).toArray();
        }
        String published = Files.readAllLines(NY.resolve("NewYork_50_400.txt")).get(0);
        double expected = Double.parseDouble(published.replace("f:", "").trim());

        MclpSolution s = new MclpSolver(120, 2).solve(w, sitesOf, n, 50);

        assertThat(s.objective()).isEqualTo(expected);
        assertThat(s.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(s.chosen()).hasSize(50);
    }
}
