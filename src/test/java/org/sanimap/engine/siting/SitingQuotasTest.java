package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sanimap.engine.coverage.GreatCircle;

class SitingQuotasTest {

    /** The best coverage of at most p sites within the caps, by enumerating every such set. */
    private static double bruteForce(SitingOptimizerTest.Instance in, int p, int[] group, int[] caps) {
        return bruteForce(in, p, group, caps, new boolean[group.length][group.length]);
    }

    /** The same with no two sites of a conflicting pair. */
    private static double bruteForce(SitingOptimizerTest.Instance in, int p, int[] group, int[] caps, boolean[][] conflict) {
        int n = group.length;
        double best = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) > p) {
                continue;
            }
            boolean apart = true;
            for (int j = 0; j < n; j++) {
                for (int k = j + 1; k < n; k++) {
                    apart &= !((mask >> j & 1) == 1 && (mask >> k & 1) == 1 && conflict[j][k]);
                }
            }
            if (!apart) {
                continue;
            }
            int[] used = new int[caps.length];
            boolean ok = true;
            for (int j = 0; j < n; j++) {
                if ((mask >> j & 1) == 1 && group[j] >= 0 && ++used[group[j]] > caps[group[j]]) {
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            double covered = 0;
            for (int i = 0; i < in.weights().length; i++) {
                boolean hit = false;
                for (int j : in.sets().candidatesOf(i)) {
                    hit |= (mask >> j & 1) == 1;
                }
                covered += hit && !in.existing()[i] ? in.weights()[i] : 0;
            }
            best = Math.max(best, covered);
        }
        return best;
    }

    private static void assertWithinCaps(SitingResult r, int[] group, int[] caps, int p) {
        int[] used = new int[caps.length];
        for (SitingProposal s : r.proposals()) {
            if (group[s.candidate()] >= 0) {
                used[group[s.candidate()]]++;
            }
        }
        for (int g = 0; g < caps.length; g++) {
            assertThat(used[g]).as("group %d", g).isLessThanOrEqualTo(caps[g]);
        }
        assertThat(r.proposals().size()).isLessThanOrEqualTo(p);
    }

    @Test
    void exactAnswersMeetTheEnumeratedOptimumWithinTheCaps() {
        for (long seed = 1; seed <= 12; seed++) {
            SitingOptimizerTest.Instance in = SitingOptimizerTest.random(seed, 60, 15, 1, 220);
            SplittableRandom r = new SplittableRandom(seed * 31);
            int[] group = new int[15];
            for (int j = 0; j < group.length; j++) {
                group[j] = r.nextInt(-1, 3); // three districts and some candidates in none
            }
            int[] caps = {1, 2, 0};
            int p = 4;
            SitingQuotas quotas = new SitingQuotas(group, caps, List.of("西区", "东区", "北区"));
            double optimum = bruteForce(in, p, group, caps);

            SitingResult exact = new SitingOptimizer(null).run(in.problem(),
                    new SitingOptions(SitingModel.MCLP, p, 1, 20, 1, true, 0, 1), quotas);
            assertThat(exact.status()).as("seed %d", seed).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(exact.objective()).as("seed %d", seed).isEqualTo(optimum);
            assertWithinCaps(exact, group, caps, p);

            SitingResult heuristic = new SitingOptimizer(null).run(in.problem(),
                    new SitingOptions(SitingModel.MCLP, p, 1, 5, 1, false, 0, 1), quotas);
            assertWithinCaps(heuristic, group, caps, p);
            assertThat(heuristic.objective()).isLessThanOrEqualTo(optimum);
            // its bound (the LP with the caps) holds
            assertThat(heuristic.bound()).as("seed %d", seed).isGreaterThanOrEqualTo(optimum - 1e-6);
        }
    }

    @Test
    void aMinimumSpacingKeepsConflictingSitesApartAtTheEnumeratedOptimum() {
        for (long seed = 1; seed <= 10; seed++) {
            SitingOptimizerTest.Instance in = SitingOptimizerTest.random(seed, 60, 14, 1, 250);
            SplittableRandom r = new SplittableRandom(seed * 17);
            boolean[][] conflict = new boolean[14][14];
            List<List<Integer>> lists = new java.util.ArrayList<>();
            for (int j = 0; j < 14; j++) {
                lists.add(new java.util.ArrayList<>());
            }
            for (int j = 0; j < 14; j++) {
                for (int k = j + 1; k < 14; k++) {
                    if (r.nextInt(4) == 0) {
                        conflict[j][k] = true;
                        conflict[k][j] = true;
                        lists.get(j).add(k);
                        lists.get(k).add(j);
                    }
                }
            }
            int[][] conflicts = lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
            int[] none = new int[14];
            java.util.Arrays.fill(none, -1);
            int p = 4;
            double optimum = bruteForce(in, p, none, new int[0], conflict);
            SitingSpacing spacing = new SitingSpacing(300, conflicts);

            SitingResult exact = new SitingOptimizer(null).run(in.problem(),
                    new SitingOptions(SitingModel.MCLP, p, 1, 20, 1, true, 0, 1), null, spacing);
            assertThat(exact.status()).as("seed %d", seed).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(exact.objective()).as("seed %d", seed).isEqualTo(optimum);
            SitingResult heuristic = new SitingOptimizer(null).run(in.problem(),
                    new SitingOptions(SitingModel.MCLP, p, 1, 5, 1, false, 400, 1), null, spacing);
            assertThat(heuristic.objective()).isLessThanOrEqualTo(optimum);
            assertThat(heuristic.bound()).isGreaterThanOrEqualTo(optimum - 1e-6);
            for (SitingResult result : List.of(exact, heuristic)) {
                List<Integer> chosen = result.proposals().stream().map(SitingProposal::candidate).toList();
                for (int a : chosen) {
                    for (int b : chosen) {
                        assertThat(conflict[a][b]).as("seed %d: %d and %d both chosen", seed, a, b).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void theHeuristicAloneTradesOneSiteForTwoThatTheSpacingAllows() {
        // cells at 0, 200 and 400 m on the equator (15, 40, 30 residents), a 90 m radius, sites every 25 m: the best
        // single site (40) blocks both others at a 450 m spacing; sites for the outer two (45) can be 580 m apart
        double metre = 180 / (Math.PI * GreatCircle.MEAN_EARTH_RADIUS_METERS);
        double[] dLon = {0, 200 * metre, 400 * metre};
        double[] zero = {0, 0, 0};
        double[] cLon = new double[25];
        double[] cLat = new double[25];
        for (int k = 0; k < cLon.length; k++) {
            cLon[k] = (-100 + 25 * k) * metre;
        }
        SitingProblem problem = SitingProblem.withoutExisting(new double[] {15, 40, 30},
                CoverageSetBuilder.greatCircle(dLon, zero, cLon, cLat, 90, GreatCircle.MEAN_EARTH_RADIUS_METERS));
        SitingResult r = new SitingOptimizer(null).run(problem, new SitingOptions(SitingModel.MCLP, 2, 1, 5, 1, false, 400, 1),
                null, SitingSpacing.of(cLon, cLat, 450));
        assertThat(r.objective()).isEqualTo(45);
    }

    @Test
    void conflictsAreThePairsCloserThanTheSpacingOnTheSphere() {
        SplittableRandom r = new SplittableRandom(5);
        double[] lon = r.doubles(300, 120.0, 120.05).toArray();
        double[] lat = r.doubles(300, 30.0, 30.05).toArray();
        SitingSpacing spacing = SitingSpacing.of(lon, lat, 400);
        for (int j = 0; j < lon.length; j++) {
            List<Integer> expected = new java.util.ArrayList<>();
            for (int k = 0; k < lon.length; k++) {
                if (k != j && org.sanimap.testing.Haversine.meters(lon[j], lat[j], lon[k], lat[k]) < 400) {
                    expected.add(k);
                }
            }
            assertThat(spacing.conflictsOfCandidate()[j]).as("candidate %d", j)
                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
        assertThatThrownBy(() -> SitingSpacing.of(lon, lat, 0)).hasMessage("minimum spacing 0.0 m must be a positive number");
    }

    @Test
    void aSiteCoveringLessIsKeptWhenTheOneCoveringMoreLiesInAFullDistrict() {
        // A (西区, quota 0) covers demand 0, 1, 2; B (东区, quota 1) covers 0 and 1: without regard to the
        // districts B is dominated by A and dropped, and nothing could be sited
        CoverageSets sets = new CoverageSets(2, new int[][] {{0, 1}, {0, 1}, {0}});
        SitingProblem problem = SitingProblem.withoutExisting(new double[] {5, 7, 11}, sets);
        SitingQuotas quotas = new SitingQuotas(new int[] {0, 1}, new int[] {0, 1}, List.of("西区", "东区"));

        SitingResult r = new SitingOptimizer(null).run(problem, new SitingOptions(SitingModel.MCLP, 1, 1, 10, 1, true, 0, 1), quotas);

        assertThat(r.proposals()).extracting(SitingProposal::candidate).containsExactly(1);
        assertThat(r.objective()).isEqualTo(12);
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
    }

    @Test
    void capsLeavingRoomForFewerSitesSayHowMany() {
        CoverageSets sets = new CoverageSets(3, new int[][] {{0}, {1}, {2}});
        SitingProblem problem = SitingProblem.withoutExisting(new double[] {5, 7, 11}, sets);
        SitingQuotas quotas = new SitingQuotas(new int[] {0, 0, 0}, new int[] {2}, List.of("西区"));

        SitingResult r = new SitingOptimizer(null).run(problem, new SitingOptions(SitingModel.MCLP, 3, 1, 10, 1, true, 0, 1), quotas);

        assertThat(r.objective()).isEqualTo(18);
        assertThat(r.reason()).isEqualTo("the quotas and the candidates leave room for 2 of the 3 new sites");
        assertThatThrownBy(() -> new SitingOptimizer(null).run(problem, SitingOptions.lscp(), quotas))
                .hasMessage("quotas per district apply to mclp (p new sites) only");
        assertThatThrownBy(() -> new SitingQuotas(new int[] {0}, new int[] {-1}, List.of("西区")))
                .hasMessage("quota of 西区 is -1; it must be >= 0");
    }
}
