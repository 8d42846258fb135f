package org.sanimap.engine.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sanimap.engine.coverage.CoverageModel;
import org.sanimap.engine.coverage.DemandPoint;
import org.sanimap.engine.coverage.FacilityPoint;
import org.sanimap.engine.coverage.LocalPlane;

/**
 * Walking coverage: a demand unit is covered when a facility is within {@code radiusMeters} along the
 * pedestrian network. The walking distance from facility f to demand point d is
 * leg(f) + network path + leg(d), where each leg is the straight distance from the point to where it
 * snaps onto the nearest edge ({@link NetworkSnapper}) and the path runs from that snap point along
 * edges; two points snapped onto the same edge may also walk along it directly.
 *
 * <p>One multi-source Dijkstra (Dijkstra 1959) from all facilities at once, seeded at both ends of
 * each facility's edge and bounded by the radius, gives every node its distance to the nearest
 * facility; each demand unit then needs only its own edge's two end nodes. Points farther than
 * {@code maxSnapMeters} from any walkable way are not on the network: such facilities serve nobody
 * and such demand is uncovered.
 */
public final class WalkingCoverageAnalyzer implements CoverageModel {

    /** Default largest distance from a point to the network, metres. */
    public static final double DEFAULT_MAX_SNAP_METERS = 500;

    private final WalkingGraph graph;
    private final NetworkSnapper snapper;

    public WalkingCoverageAnalyzer(WalkingGraph graph) {
        this(graph, DEFAULT_MAX_SNAP_METERS);
    }

    public WalkingCoverageAnalyzer(WalkingGraph graph, double maxSnapMeters) {
        this.graph = graph;
        this.snapper = new NetworkSnapper(graph, maxSnapMeters);
    }

    @Override
    public String metric() {
        return "walking";
    }

    public NetworkSnapper snapper() {
        return snapper;
    }

    @Override
    public Prepared prepare(List<FacilityPoint> facilities, double radiusMeters) {
        if (!(radiusMeters >= 0) || Double.isInfinite(radiusMeters)) {
            throw new IllegalArgumentException("radius " + radiusMeters + " m must be a finite number >= 0");
        }
        double[] dist = new double[graph.nodeCount()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Map<Integer, List<double[]>> onSegment = new HashMap<>();
        MinHeap heap = new MinHeap(graph.nodeCount());
        int snapped = 0;
        for (FacilityPoint f : facilities) {
            NetworkSnap s = snapper.snap(f.lonWgs84(), f.latWgs84());
            if (s == null || s.legMeters() > radiusMeters) {
                continue;
            }
            snapped++;
            seed(dist, heap, s, radiusMeters, null, 0);
            onSegment.computeIfAbsent(s.segment(), k -> new ArrayList<>()).add(new double[] {s.fraction(), s.legMeters()});
        }
        spread(dist, heap, radiusMeters, null, 0);
        return new Prepared(radiusMeters, dist, onSegment, snapped);
    }

    /** A reusable search from one point at a time; see {@link SingleSourceSearch}. */
    public SingleSourceSearch singleSourceSearch() {
        return new SingleSourceSearch();
    }

    /**
     * Bounded searches from one point at a time (siting candidates, one after the other) that reuse
     * their arrays: after the first, a search costs what it reaches, not the size of the graph. Its
     * distances equal those of {@link #prepare} for that one point. Not thread-safe: one per thread.
     */
    public final class SingleSourceSearch {
        private final double[] dist = new double[graph.nodeCount()];
        private final int[] reached = new int[graph.nodeCount()];
        private final MinHeap heap = new MinHeap(64);
        private int reachedCount;
        private NetworkSnap source;
        private double radiusMeters;

        private SingleSourceSearch() {
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
        }

        /**
         * Searches from the point out to the radius; false, and nothing within reach, when it does not
         * snap onto the network within the radius.
         */
        public boolean searchFrom(double lon, double lat, double radiusMeters) {
            if (!(radiusMeters >= 0) || Double.isInfinite(radiusMeters)) {
                throw new IllegalArgumentException("radius " + radiusMeters + " m must be a finite number >= 0");
            }
            for (int k = 0; k < reachedCount; k++) {
                dist[reached[k]] = Double.POSITIVE_INFINITY;
            }
            reachedCount = 0;
            heap.clear();
            this.radiusMeters = radiusMeters;
            NetworkSnap s = snapper.snap(lon, lat);
            source = s == null || s.legMeters() > radiusMeters ? null : s;
            if (source == null) {
                return false;
            }
            reachedCount = seed(dist, heap, s, radiusMeters, reached, reachedCount);
            reachedCount = spread(dist, heap, radiusMeters, reached, reachedCount);
            return true;
        }

        /**
         * The walking distance from the last search's point to a point snapped with {@link #snapper()}
         * (null: not on the network), or +infinity beyond the radius or without a search.
         */
        public double distanceMeters(NetworkSnap target) {
            if (source == null || target == null) {
                return Double.POSITIVE_INFINITY;
            }
            double best = viaEnds(dist, target);
            if (source.segment() == target.segment()) {
                best = Math.min(best, alongSegment(source.fraction(), source.legMeters(), target));
            }
            return withinRadius(best + target.legMeters(), radiusMeters);
        }
    }

    /** Seeds the search at both ends of a snapped point's edge; returns the new count of reached nodes. */
    private int seed(double[] dist, MinHeap heap, NetworkSnap s, double bound, int[] reached, int reachedCount) {
        double m = graph.segmentMeters[s.segment()];
        reachedCount = relax(dist, heap, graph.segmentFrom[s.segment()], s.legMeters() + s.fraction() * m, bound, reached,
                reachedCount);
        return relax(dist, heap, graph.segmentTo[s.segment()], s.legMeters() + (1 - s.fraction()) * m, bound, reached,
                reachedCount);
    }

    /** Bounded Dijkstra from the seeded heap; returns the new count of reached nodes. */
    private int spread(double[] dist, MinHeap heap, double bound, int[] reached, int reachedCount) {
        while (!heap.isEmpty()) {
            int node = heap.poll();
            double d = dist[node];
            for (int a = graph.firstArc[node]; a < graph.firstArc[node + 1]; a++) {
                reachedCount = relax(dist, heap, graph.arcTarget[a], d + graph.arcMeters[a], bound, reached, reachedCount);
            }
        }
        return reachedCount;
    }

    /**
     * Lowers a node's distance if {@code d} is shorter and within the bound; a node reached for the first
     * time is added to {@code reached} (when given). Returns the new count of reached nodes.
     */
    private static int relax(double[] dist, MinHeap heap, int node, double d, double bound, int[] reached, int reachedCount) {
        if (d < dist[node] && d <= bound * (1 + 1e-9)) {
            if (reached != null && dist[node] == Double.POSITIVE_INFINITY) {
                reached[reachedCount++] = node;
            }
            dist[node] = d;
            heap.push(node, d);
        }
        return reachedCount;
    }

    /** The walk to a snapped point through either end of its edge, leg excluded. */
    private double viaEnds(double[] dist, NetworkSnap target) {
        double m = graph.segmentMeters[target.segment()];
        return Math.min(dist[graph.segmentFrom[target.segment()]] + target.fraction() * m,
                dist[graph.segmentTo[target.segment()]] + (1 - target.fraction()) * m);
    }

    /** The walk along one edge from a source on it (fraction, leg) to a snapped point, target leg excluded. */
    private double alongSegment(double sourceFraction, double sourceLegMeters, NetworkSnap target) {
        return Math.abs(sourceFraction - target.fraction()) * graph.segmentMeters[target.segment()] + sourceLegMeters;
    }

    private static double withinRadius(double totalMeters, double radiusMeters) {
        return totalMeters <= radiusMeters * (1 + 1e-9) ? totalMeters : Double.POSITIVE_INFINITY;
    }

    /** Facilities searched out to one radius. */
    public final class Prepared implements PreparedCoverage {
        private final double radiusMeters;
        private final double[] nodeDistance;
        private final Map<Integer, List<double[]>> facilitiesOnSegment;
        private final int snappedFacilities;

        Prepared(double radiusMeters, double[] nodeDistance, Map<Integer, List<double[]>> facilitiesOnSegment,
                int snappedFacilities) {
            this.radiusMeters = radiusMeters;
            this.nodeDistance = nodeDistance;
            this.facilitiesOnSegment = facilitiesOnSegment;
            this.snappedFacilities = snappedFacilities;
        }

        @Override
        public double radiusMeters() {
            return radiusMeters;
        }

        /**
         * The walking service area as a polygon built from the network: every edge part reachable
         * within the radius (from either end, given the ends' distances) is kept and the kept lines
         * are widened by {@code trimMeters} on each side, the way network analysts draw "trimmed"
         * service-area polygons; lines, not discs, so streets that do not connect stay out.
         */
        public Geometry serviceArea(double trimMeters,
                LocalPlane plane) {
            GeometryFactory factory = new GeometryFactory();
            List<Geometry> pieces = new ArrayList<>();
            for (int e = 0; e < graph.edgeCount(); e++) {
                int a = graph.segmentFrom[e];
                int b = graph.segmentTo[e];
                double m = graph.segmentMeters[e];
                double fromA = Math.min(1, Math.max(0, (radiusMeters - nodeDistance[a]) / m));
                double fromB = Math.min(1, Math.max(0, (radiusMeters - nodeDistance[b]) / m));
                List<double[]> spans = new ArrayList<>();
                if (fromA + fromB >= 1) {
                    spans.add(new double[] {0, 1});
                } else {
                    if (fromA > 0) {
                        spans.add(new double[] {0, fromA});
                    }
                    if (fromB > 0) {
                        spans.add(new double[] {1 - fromB, 1});
                    }
                }
                List<double[]> same = facilitiesOnSegment.get(e);
                if (same != null) {
                    for (double[] f : same) {
                        double reach = Math.max(0, radiusMeters - f[1]) / m;
                        spans.add(new double[] {Math.max(0, f[0] - reach), Math.min(1, f[0] + reach)});
                    }
                }
                for (double[] span : spans) {
                    double ax = graph.lon[a] + span[0] * (graph.lon[b] - graph.lon[a]);
                    double ay = graph.lat[a] + span[0] * (graph.lat[b] - graph.lat[a]);
                    double bx = graph.lon[a] + span[1] * (graph.lon[b] - graph.lon[a]);
                    double by = graph.lat[a] + span[1] * (graph.lat[b] - graph.lat[a]);
                    // each reached piece widened on its own, then a cascaded union: far faster than buffering
                    // one multi-line of thousands of overlapping pieces
                    pieces.add(factory.createLineString(new Coordinate[] {
                        new Coordinate(plane.x(ax), plane.y(ay)),
                        new Coordinate(plane.x(bx), plane.y(by))}).buffer(trimMeters, 4));
                }
            }
            if (pieces.isEmpty()) {
                return factory.createPolygon();
            }
            // snap-rounded to 0.5 m: exact enough for a drawn area and much faster than floating precision
            return plane.toWgs84(org.locationtech.jts.operation.overlayng.UnaryUnionNG.union(factory.buildGeometry(pieces),
                    new org.locationtech.jts.geom.PrecisionModel(2.0)));
        }

        /** Facilities that reached the network within the snapping distance. */
        public int snappedFacilities() {
            return snappedFacilities;
        }

        /** Walking distance from the position to the nearest facility, or +∞ beyond the radius. */
        public double distanceMeters(double lon, double lat) {
            NetworkSnap s = snapper.snap(lon, lat);
            if (s == null) {
                return Double.POSITIVE_INFINITY;
            }
            double best = viaEnds(nodeDistance, s);
            List<double[]> same = facilitiesOnSegment.get(s.segment());
            if (same != null) {
                for (double[] f : same) {
                    best = Math.min(best, alongSegment(f[0], f[1], s));
                }
            }
            return withinRadius(best + s.legMeters(), radiusMeters);
        }

        /** Tested in parallel chunks; the result does not depend on the number of threads. */
        @Override
        public boolean[] covered(List<DemandPoint> demand) {
            boolean[] out = new boolean[demand.size()];
            int chunk = 2048;
            java.util.stream.IntStream.range(0, (out.length + chunk - 1) / chunk).parallel().forEach(c -> {
                for (int i = c * chunk; i < Math.min(out.length, (c + 1) * chunk); i++) {
                    DemandPoint d = demand.get(i);
                    out[i] = distanceMeters(d.lonWgs84(), d.latWgs84()) != Double.POSITIVE_INFINITY;
                }
            });
            return out;
        }
    }

    /** A binary min-heap of nodes keyed by distance, with lazy deletion of stale entries. */
    private static final class MinHeap {
        private int[] nodes;
        private double[] keys;
        private int size;

        MinHeap(int capacity) {
            nodes = new int[Math.max(16, capacity)];
            keys = new double[nodes.length];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
        }

        void push(int node, double key) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                nodes[i] = nodes[parent];
                keys[i] = keys[parent];
                i = parent;
            }
            nodes[i] = node;
            keys[i] = key;
        }

        /** Removes and returns the node with the smallest key (may be a stale duplicate: harmless). */
        int poll() {
            int top = nodes[0];
            int lastNode = nodes[--size];
            double lastKey = keys[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= lastKey) {
                    break;
                }
                nodes[i] = nodes[child];
                keys[i] = keys[child];
                i = child;
            }
            nodes[i] = lastNode;
            keys[i] = lastKey;
            return top;
        }
    }
}
