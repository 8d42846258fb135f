package org.sanimap.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sanimap.engine.coverage.GreatCircle;
import org.sanimap.importing.OsmWalkingNetworkReader;

class NetworkSnapperTest {

    static final Path SHARED = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared"));

    @Test
    void snapFindsTheSameNearestDistanceAsAScanOfEveryEdge() {
        WalkingGraph g = new OsmWalkingNetworkReader().readPbf(SHARED.resolve("data/porto-alegre/poa_osm.pbf"));
        NetworkSnapper snapper = new NetworkSnapper(g, 500);
        Random random = new Random(8);
        int snapped = 0;
        for (int k = 0; k < 300; k++) {
            double lon = -51.27 + random.nextDouble() * 0.14;
            double lat = -30.12 + random.nextDouble() * 0.14;
            // brute force: distance to every edge, sampled densely along it with the great-circle formula
            double best = Double.POSITIVE_INFINITY;
            for (int e = 0; e < g.edgeCount(); e++) {
                int a = g.edgeFrom(e);
                int b = g.edgeTo(e);
                double roughly = GreatCircle.distanceMeters(lon, lat, g.nodeLon(a), g.nodeLat(a));
                if (roughly - g.edgeMeters(e) > best) {
                    continue;
                }
                for (int s = 0; s <= 200; s++) {
                    double t = s / 200.0;
                    double x = g.nodeLon(a) + t * (g.nodeLon(b) - g.nodeLon(a));
                    double y = g.nodeLat(a) + t * (g.nodeLat(b) - g.nodeLat(a));
                    best = Math.min(best, GreatCircle.distanceMeters(lon, lat, x, y));
                }
            }
            NetworkSnap snap = snapper.snap(lon, lat);
            if (best > 500.5) {
                assertThat(snap).isNull();
                continue;
            }
            if (best < 499.5) {
                assertThat(snap).isNotNull();
                // sampling every 0.5 % of an edge and the plane approximation allow a small tolerance
                assertThat(snap.legMeters()).isCloseTo(best, within(0.5 + 0.005 * g.edgeMeters(snap.segment())));
                snapped++;
            }
        }
        assertThat(snapped).isGreaterThan(200);
    }
}
