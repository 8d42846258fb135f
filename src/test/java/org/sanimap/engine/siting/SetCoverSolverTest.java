package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetCoverSolverTest {

    static final Path SCP = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared")).resolve("bench/scp");

    @Test
    void everyScp4InstanceReachesItsProvenOptimum() throws Exception {
        // shared/bench/scp/optima.csv: Beasley's proven optima of scp41..scp410 (OR-Library)
        List<String> optima = Files.readAllLines(SCP.resolve("optima.csv"));
        int solved = 0;
        for (String line : optima.subList(1, optima.size())) {
            String[] f = line.split(",");
            if (!f[0].startsWith("scp4")) {
                continue;
            }
            SetCoverInstance instance;
            try (var in = Files.newBufferedReader(SCP.resolve(f[0] + ".txt"))) {
                instance = OrLibraryScpReader.read(in);
            }
            assertThat(instance.rowCount()).isEqualTo(Integer.parseInt(f[1]));
            assertThat(instance.columnCount()).isEqualTo(Integer.parseInt(f[2]));
            SetCoverSolution s = new SetCoverSolver(60, 2).solveInstance(instance);

            assertThat(s.status()).as(f[0]).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(s.objective()).as(f[0]).isEqualTo(Double.parseDouble(f[3]));
            assertThat(s.bound()).as(f[0]).isEqualTo(Double.parseDouble(f[3]));
            // independent check of the answer: every row covered, cost adds up
            Set<Integer> chosen = new HashSet<>();
            double cost = 0;
            for (int j : s.chosen()) {
                chosen.add(j);
                cost += instance.columnCosts()[j];
            }
            assertThat(cost).isEqualTo(s.objective());
            for (int i = 0; i < instance.rowCount(); i++) {
                boolean covered = false;
                for (int j : instance.columnsOf(i)) {
                    covered |= chosen.contains(j);
                }
                assertThat(covered).as("%s row %d", f[0], i + 1).isTrue();
            }
            solved++;
        }
        assertThat(solved).isEqualTo(10);
    }

    @Test
    void readerRejectsBrokenFilesWithThePlace() {
        assertThatThrownBy(() -> OrLibraryScpReader.read(new StringReader("2 3\n1 1 1\n1 1\n2 1")))
                .hasMessageStartingWith("expected the column of row 2");
        assertThatThrownBy(() -> OrLibraryScpReader.read(new StringReader("1 2\n1 x\n")))
                .hasMessage("expected the cost of column 2 at line 2, found 'x'");
        assertThatThrownBy(() -> OrLibraryScpReader.read(new StringReader("1 2\n1 1\n1 3\n")))
                .hasMessage("row 1 names column 3 of 2");
    }

    @Test
    void aTinyInstanceHasTheHandComputedOptimum() throws Exception {
        // row 1: columns 1, 2; row 2: columns 2, 3; row 3: column 3. Best: columns 2 and 3, cost 2.
        SetCoverInstance instance = OrLibraryScpReader.read(new StringReader("3 3\n3 1 1\n2 1 2\n2 2 3\n1 3\n"));
        SetCoverSolution s = SetCoverSolver.solve(instance);
        assertThat(s.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(s.objective()).isEqualTo(2.0);
        assertThat(s.chosen()).containsExactly(1, 2);
    }
}
