package org.sanimap.engine.network;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds, for a position, the nearest point on the walking network within {@code maxSnapMeters}:
 * candidate segments from an STR-tree of segment envelopes, exact distance to each in a local
 * equirectangular plane around the position (error far below a metre at snapping distances).
 */
public final class NetworkSnapper {

    private static final double METERS_PER_DEGREE = Math.toRadians(1) * 6_371_008.8;

    private final WalkingGraph graph;
    private final double maxSnapMeters;
    private final STRtree index = new STRtree();

    public NetworkSnapper(WalkingGraph graph, double maxSnapMeters) {
        this.graph = graph;
        this.maxSnapMeters = maxSnapMeters;
        for (int s = 0; s < graph.edgeCount(); s++) {
            int a = graph.segmentFrom[s];
            int b = graph.segmentTo[s];
            index.insert(new Envelope(graph.lon[a], graph.lon[b], graph.lat[a], graph.lat[b]), s);
        }
        index.build();
    }

    public double maxSnapMeters() {
        return maxSnapMeters;
    }

    /**
     * The nearest network point within the snapping distance, or null when there is none. Searches
     * boxes of growing size (30 m, 120 m, then the full distance): a segment whose nearest point is
     * within r metres always intersects the box of half-size r, so the first box with a hit within
     * its own size already holds the answer.
     */
    public NetworkSnap snap(double lon, double lat) {
        double cos = Math.cos(Math.toRadians(lat));
        for (double r : new double[] {30, 120}) {
            if (r < maxSnapMeters) {
                NetworkSnap s = nearestWithin(lon, lat, cos, r);
                if (s != null) {
                    return s;
                }
            }
        }
        return nearestWithin(lon, lat, cos, maxSnapMeters);
    }

    private NetworkSnap nearestWithin(double lon, double lat, double cos, double maxMeters) {
        double dLat = maxMeters / METERS_PER_DEGREE;
        double dLon = dLat / Math.max(cos, 1e-6);
        @SuppressWarnings("unchecked")
        List<Integer> candidates = index.query(new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat));
        NetworkSnap best = null;
        double bestMeters = maxMeters;
        for (int s : candidates) {
            int a = graph.segmentFrom[s];
            int b = graph.segmentTo[s];
            double ax = (graph.lon[a] - lon) * cos * METERS_PER_DEGREE;
            double ay = (graph.lat[a] - lat) * METERS_PER_DEGREE;
            double bx = (graph.lon[b] - lon) * cos * METERS_PER_DEGREE;
            double by = (graph.lat[b] - lat) * METERS_PER_DEGREE;
            double vx = bx - ax;
            double vy = by - ay;
            double len2 = vx * vx + vy * vy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * vx + ay * vy) / len2));
            double px = ax + t * vx;
            double py = ay + t * vy;
            double d = Math.sqrt(px * px + py * py);
            if (d < bestMeters || (d == bestMeters && best == null) || (d == bestMeters && s < best.segment())) {
                bestMeters = d;
                best = new NetworkSnap(s, t, d);
            }
        }
        return best;
    }
}
