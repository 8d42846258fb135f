package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sanimap.testing.Haversine;

class CoverageSetBuilderTest {

    @Test
    void planarGridFindsExactlyThePairsWithinTheRadius() {
        SplittableRandom r = new SplittableRandom(3);
        double[] dx = r.doubles(500, -2000, 2000).toArray();
        double[] dy = r.doubles(500, -2000, 2000).toArray();
        double[] cx = r.doubles(300, -2000, 2000).toArray();
        double[] cy = r.doubles(300, -2000, 2000).toArray();
        CoverageSets sets = CoverageSetBuilder.planar(dx, dy, cx, cy, 250);
        for (int i = 0; i < dx.length; i++) {
            List<Integer> expected = new ArrayList<>();
            for (int j = 0; j < cx.length; j++) {
                if (Math.hypot(dx[i] - cx[j], dy[i] - cy[j]) <= 250) {
                    expected.add(j);
                }
            }
            assertThat(sets.candidatesOf(i)).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void greatCircleGridFindsExactlyThePairsWithinTheRadiusAtHighLatitude() {
        SplittableRandom r = new SplittableRandom(5);
        double[] dLon = r.doubles(400, 24.8, 25.1).toArray();
        double[] dLat = r.doubles(400, 60.1, 60.3).toArray();
        double[] cLon = r.doubles(200, 24.8, 25.1).toArray();
        double[] cLat = r.doubles(200, 60.1, 60.3).toArray();
        CoverageSets sets = CoverageSetBuilder.greatCircle(dLon, dLat, cLon, cLat, 400, 6_371_008.8);
        long pairs = 0;
        for (int i = 0; i < dLon.length; i++) {
            List<Integer> expected = new ArrayList<>();
            for (int j = 0; j < cLon.length; j++) {
                if (Haversine.meters(dLon[i], dLat[i], cLon[j], cLat[j]) <= 400) {
                    expected.add(j);
                }
            }
            pairs += expected.size();
            assertThat(sets.candidatesOf(i)).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
        assertThat(sets.pairCount()).isEqualTo(pairs).isPositive();
    }

    @Test
    void perDemandRadiusCoversEachUnitWithinItsOwnRadius() {
        SplittableRandom r = new SplittableRandom(11);
        double[] dx = r.doubles(600, -2000, 2000).toArray();
        double[] dy = r.doubles(600, -2000, 2000).toArray();
        double[] cx = r.doubles(200, -2000, 2000).toArray();
        double[] cy = r.doubles(200, -2000, 2000).toArray();
        // west of x = 0 a 150 m radius, east of it 400 m
        double[] radius = new double[dx.length];
        for (int i = 0; i < dx.length; i++) {
            radius[i] = dx[i] < 0 ? 150 : 400;
        }
        CoverageSets sets = CoverageSetBuilder.perDemandRadius(dx, dy, radius, cx.length,
                (x, y, rad) -> CoverageSetBuilder.planar(x, y, cx, cy, rad));
        long pairs = 0;
        for (int i = 0; i < dx.length; i++) {
            List<Integer> expected = new ArrayList<>();
            for (int j = 0; j < cx.length; j++) {
                if (Math.hypot(dx[i] - cx[j], dy[i] - cy[j]) <= radius[i]) {
                    expected.add(j);
                }
            }
            pairs += expected.size();
            assertThat(sets.candidatesOf(i)).as("demand %d", i).containsExactlyInAnyOrder(expected.stream().mapToInt(Integer::intValue).toArray());
        }
        assertThat(sets.pairCount()).isEqualTo(pairs);
    }

    @Test
    void distanceTriplesCoverAtTheRadiusInclusive() {
        CoverageSets sets = CoverageSetBuilder.fromDistances(2, 3, new int[] {0, 0, 1, 1}, new int[] {0, 2, 1, 2},
                new double[] {100, 100.0001, 99, 5}, 100);
        assertThat(sets.candidatesOf(0)).containsExactly(0);
        assertThat(sets.candidatesOf(1)).containsExactly(1, 2);
        assertThat(sets.demandsOf(2)).containsExactly(1);
    }
}
