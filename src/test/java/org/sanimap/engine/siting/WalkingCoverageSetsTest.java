package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sanimap.engine.coverage.DemandPoint;
import org.sanimap.engine.coverage.FacilityPoint;
import org.sanimap.engine.network.WalkingCoverageAnalyzer;
import org.sanimap.importing.OsmWalkingNetworkReader;

/** Walking coverage sets on the Porto Alegre network against the walking analyzer itself. */
class WalkingCoverageSetsTest {

    static final Path SHARED = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared"));

    @Test
    void everyPairWithinTheWalkIsFoundAndNoOther() throws Exception {
        WalkingCoverageAnalyzer network = new WalkingCoverageAnalyzer(
                new OsmWalkingNetworkReader().readPbf(SHARED.resolve("data/porto-alegre/poa_osm.pbf")));
        SplittableRandom r = new SplittableRandom(11);
        // central Porto Alegre, about 2 km x 2 km
        double[] dLon = r.doubles(150, -51.235, -51.215).toArray();
        double[] dLat = r.doubles(150, -30.045, -30.027).toArray();
        double[] cLon = r.doubles(40, -51.235, -51.215).toArray();
        double[] cLat = r.doubles(40, -30.045, -30.027).toArray();
        double radius = 400;
        CoverageSets sets = CoverageSetBuilder.walking(network, dLon, dLat, cLon, cLat, radius);

        long pairs = 0;
        for (int j = 0; j < cLon.length; j++) {
            // one search per candidate, every demand point measured (no straight-line pre-filter)
            WalkingCoverageAnalyzer.Prepared alone = network.prepare(List.of(new FacilityPoint("c", cLon[j], cLat[j])), radius);
            int candidate = j;
            for (int i = 0; i < dLon.length; i++) {
                boolean reached = alone.distanceMeters(dLon[i], dLat[i]) <= radius;
                boolean listed = java.util.Arrays.stream(sets.candidatesOf(i)).anyMatch(c -> c == candidate);
                assertThat(listed).as("demand %d, candidate %d", i, j).isEqualTo(reached);
                pairs += reached ? 1 : 0;
            }
        }
        assertThat(sets.pairCount()).isEqualTo(pairs).isPositive();

        // and the union agrees with one multi-source search from all candidates
        List<FacilityPoint> all = new ArrayList<>();
        for (int j = 0; j < cLon.length; j++) {
            all.add(new FacilityPoint("c" + j, cLon[j], cLat[j]));
        }
        List<DemandPoint> demand = new ArrayList<>();
        for (int i = 0; i < dLon.length; i++) {
            demand.add(new DemandPoint("d" + i, dLon[i], dLat[i], 1, null));
        }
        boolean[] covered = network.prepare(all, radius).covered(demand);
        for (int i = 0; i < dLon.length; i++) {
            assertThat(sets.candidatesOf(i).length > 0).as("demand %d", i).isEqualTo(covered[i]);
        }
    }
}
