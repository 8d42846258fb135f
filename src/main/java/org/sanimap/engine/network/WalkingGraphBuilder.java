package org.sanimap.engine.network;

import java.util.HashMap;
import java.util.Map;
import org.sanimap.engine.coverage.GreatCircle;

/**
 * Builds a {@link WalkingGraph} from walkable ways: call {@link #addWay} for each way (node ids and
 * positions in order), then {@link #build()}. Nodes shared by ways become junctions; repeated
 * consecutive nodes and zero-length segments are dropped.
 */
public final class WalkingGraphBuilder {

    private final Map<Long, Integer> nodeIndex = new HashMap<>();
    private double[] lon = new double[1024];
    private double[] lat = new double[1024];
    private int nodes;
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private double[] meters = new double[1024];
    private int segments;

    /**
     * @param osmNodeIds the way's node ids, in order
     * @param lons       their longitudes, degrees WGS84 (NaN for a node missing from the extract)
     * @param lats       their latitudes, degrees WGS84
     */
    public void addWay(long[] osmNodeIds, double[] lons, double[] lats) {
        int previous = -1;
        for (int k = 0; k < osmNodeIds.length; k++) {
            if (Double.isNaN(lons[k]) || Double.isNaN(lats[k])) {
                previous = -1; // a gap in the extract breaks the way
                continue;
            }
            int node = node(osmNodeIds[k], lons[k], lats[k]);
            if (previous >= 0 && previous != node) {
                double m = GreatCircle.distanceMeters(lon[previous], lat[previous], lon[node], lat[node]);
                if (m > 0) {
                    addSegment(previous, node, m);
                }
            }
            previous = node;
        }
    }

    private int node(long osmId, double x, double y) {
        Integer known = nodeIndex.get(osmId);
        if (known != null) {
            return known;
        }
        if (nodes == lon.length) {
            lon = java.util.Arrays.copyOf(lon, nodes * 2);
            lat = java.util.Arrays.copyOf(lat, nodes * 2);
        }
        lon[nodes] = x;
        lat[nodes] = y;
        nodeIndex.put(osmId, nodes);
        return nodes++;
    }

    private void addSegment(int a, int b, double m) {
        if (segments == from.length) {
            from = java.util.Arrays.copyOf(from, segments * 2);
            to = java.util.Arrays.copyOf(to, segments * 2);
            meters = java.util.Arrays.copyOf(meters, segments * 2);
        }
        from[segments] = a;
        to[segments] = b;
        meters[segments] = m;
        segments++;
    }

    public WalkingGraph build() {
        int[] degree = new int[nodes + 1];
        for (int s = 0; s < segments; s++) {
            degree[from[s]]++;
            degree[to[s]]++;
        }
        int[] first = new int[nodes + 1];
        for (int n = 0; n < nodes; n++) {
            first[n + 1] = first[n] + degree[n];
        }
        int[] fill = java.util.Arrays.copyOf(first, nodes);
        int[] target = new int[2 * segments];
        double[] arcMeters = new double[2 * segments];
        for (int s = 0; s < segments; s++) {
            target[fill[from[s]]] = to[s];
            arcMeters[fill[from[s]]++] = meters[s];
            target[fill[to[s]]] = from[s];
            arcMeters[fill[to[s]]++] = meters[s];
        }
        return new WalkingGraph(java.util.Arrays.copyOf(lon, nodes), java.util.Arrays.copyOf(lat, nodes), first, target,
                arcMeters, java.util.Arrays.copyOf(from, segments), java.util.Arrays.copyOf(to, segments),
                java.util.Arrays.copyOf(meters, segments));
    }
}
