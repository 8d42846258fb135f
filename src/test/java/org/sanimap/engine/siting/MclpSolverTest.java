package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MclpSolverTest {

    static final Path NY = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared"))
            .resolve("bench/mclp-newyork");

    @Test
    void newYorkAt400MetresReachesThePublishedOptimumForFiftySites() throws Exception {
        CoveringInstance ny;
        try (BufferedReader in = Files.newBufferedReader(NY.resolve("NewYork.txt"))) {
            ny = CoveringInstance.read(in);
        }
        assertThat(ny.size()).isEqualTo(2713);
        // NewYork_50_400.txt: "f: 1153640" (Maximo, Cordeau and Nascimento 2023)
        String published = Files.readAllLines(NY.resolve("NewYork_50_400.txt")).get(0);
        double expected = Double.parseDouble(published.replace("f:", "").trim());

        MclpSolution s = new MclpSolver(120, 2).solve(ny.demand(), ny.sitesWithin(400, 6_378_100), ny.size(), 50);

        assertThat(s.objective()).isEqualTo(expected);
        assertThat(s.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(s.chosen()).hasSize(50);
    }
}
