package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LscpGreedyTest {

    /**
     * The plain greedy, written out independently: every step scans every closed site for the most newly
     * covered rows (or weight), the lowest index winning ties; then the same redundancy pass, last opened first.
     */
    static int[] plainGreedy(ReducedProblem m, double requiredWeight) {
        boolean full = Double.isNaN(requiredWeight);
        int[] count = new int[m.rowCount()];
        List<Integer> opened = new ArrayList<>();
        while (true) {
            double covered = 0;
            int uncovered = 0;
            for (int r = 0; r < count.length; r++) {
                if (count[r] > 0) {
                    covered += m.rowWeight[r];
                } else {
                    uncovered++;
                }
            }
            if (full ? uncovered == 0 : covered >= requiredWeight - 1e-9) {
                break;
            }
            int best = -1;
            double bestGain = 0;
            for (int j = 0; j < m.colCount(); j++) {
                if (opened.contains(j)) {
                    continue;
                }
                double g = 0;
                for (int r : m.colRows[j]) {
                    g += count[r] == 0 ? (full ? 1 : m.rowWeight[r]) : 0;
                }
                if (g > bestGain) {
                    bestGain = g;
                    best = j;
                }
            }
            if (best < 0) {
                return null;
            }
            opened.add(best);
            for (int r : m.colRows[best]) {
                count[r]++;
            }
        }
        for (int k = opened.size() - 1; k >= 0; k--) {
            int j = opened.get(k);
            for (int r : m.colRows[j]) {
                count[r]--;
            }
            boolean stillCovers = true;
            double covered = 0;
            for (int r = 0; r < count.length; r++) {
                stillCovers &= count[r] > 0;
                covered += count[r] > 0 ? m.rowWeight[r] : 0;
            }
            if (full ? stillCovers : covered >= requiredWeight - 1e-9) {
                opened.remove(k);
            } else {
                for (int r : m.colRows[j]) {
                    count[r]++;
                }
            }
        }
        return opened.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Test
    void lazyGainsChooseTheSameSitesAsThePlainGreedy() {
        int compared = 0;
        for (long seed = 1; seed <= 40; seed++) {
            // many candidates, a short radius: many ties between gains, and many stale ones
            SitingOptimizerTest.Instance in = SitingOptimizerTest.random(seed, 400, 120, 2, 90);
            ReducedProblem full = ReducedProblem.of(in.problem(), true);
            assertThat(LscpGreedy.solve(full, Double.NaN)).as("seed %d, full", seed).isEqualTo(plainGreedy(full, Double.NaN));
            ReducedProblem partial = ReducedProblem.of(in.problem(), false);
            for (double share : new double[] {0.3, 0.7, 1}) {
                double required = share * partial.reachableWeight;
                int[] lazy = LscpGreedy.solve(partial, required);
                assertThat(lazy).as("seed %d, %s of the weight", seed, share).isEqualTo(plainGreedy(partial, required));
                assertThat(partial.covered(lazy)).isGreaterThanOrEqualTo(required - 1e-9);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(120);
    }

    @Test
    void theReverseGreedyClosesTheSitesOfLeastLossAsAPlainScanDoes() {
        for (long seed = 1; seed <= 30; seed++) {
            SitingOptimizerTest.Instance in = SitingOptimizerTest.random(seed, 400, 120, 0, 120);
            ReducedProblem m = ReducedProblem.of(in.problem(), false);
            int[] all = SitingOptimizerTest.allColumns(m);
            for (double share : new double[] {0.5, 0.9, 1}) {
                double required = share * m.reachableWeight;
                int[] lazy = LscpGreedy.dropTo(m, all, required);
                assertThat(lazy).as("seed %d, %s", seed, share).isEqualTo(plainDrop(m, all, required));
                assertThat(m.covered(lazy)).isGreaterThanOrEqualTo(required - 1e-9);
            }
        }
    }

    /** The reverse greedy written out: every step scans every open site for the least weight lost (lowest index on ties). */
    static int[] plainDrop(ReducedProblem m, int[] cover, double required) {
        boolean[] open = new boolean[m.colCount()];
        int[] count = new int[m.rowCount()];
        for (int j : cover) {
            open[j] = true;
            for (int r : m.colRows[j]) {
                count[r]++;
            }
        }
        while (true) {
            int best = -1;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int j = 0; j < open.length; j++) {
                if (!open[j]) {
                    continue;
                }
                double loss = 0;
                for (int r : m.colRows[j]) {
                    loss += count[r] == 1 ? m.rowWeight[r] : 0;
                }
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = j;
                }
            }
            double covered = 0;
            for (int r = 0; r < count.length; r++) {
                covered += count[r] > 0 ? m.rowWeight[r] : 0;
            }
            if (best < 0 || covered - bestLoss < required - 1e-9) {
                break;
            }
            open[best] = false;
            for (int r : m.colRows[best]) {
                count[r]--;
            }
        }
        return java.util.stream.IntStream.range(0, open.length).filter(j -> open[j]).toArray();
    }

    @Test
    void anUnreachableWeightHasNoCover() {
        SitingOptimizerTest.Instance in = SitingOptimizerTest.random(5, 100, 20, 0, 150);
        ReducedProblem m = ReducedProblem.of(in.problem(), false);
        assertThat(LscpGreedy.solve(m, m.reachableWeight + 1)).isNull();
    }
}
