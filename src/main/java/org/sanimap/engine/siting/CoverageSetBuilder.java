package org.sanimap.engine.siting;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.sanimap.engine.coverage.GreatCircle;
import org.sanimap.engine.coverage.PointGrid;
import org.sanimap.engine.network.NetworkSnap;
import org.sanimap.engine.network.WalkingCoverageAnalyzer;

/**
 * Builds {@link CoverageSets} with a spatial index, so that only pairs near each other are ever
 * measured: a uniform grid whose cells are as wide as the radius, each demand unit testing the
 * candidates of its own cell and the 8 around it. Coverage is {@code distance <= radius}.
 *
 * <ul>
 *   <li>{@link #planar}: Euclidean distance on projected coordinates (x, y) in the radius's unit;</li>
 *   <li>{@link #greatCircle}: haversine distance on a sphere of a given radius (the mean earth
 *       radius {@link GreatCircle#MEAN_EARTH_RADIUS_METERS} unless an instance fixes another);</li>
 *   <li>{@link #walking}: distance along the pedestrian network ({@link WalkingCoverageAnalyzer}),
 *       measured only for pairs within the radius in a straight line, since a walk is never shorter;</li>
 *   <li>{@link #fromDistances}: a list of precomputed (demand, candidate, distance) triples, e.g. a
 *       network distance table from another tool.</li>
 * </ul>
 */
public final class CoverageSetBuilder {

    private CoverageSetBuilder() {
    }

    /** Euclidean coverage on projected coordinates in the unit of {@code radius}. */
    public static CoverageSets planar(double[] demandX, double[] demandY, double[] candidateX, double[] candidateY,
            double radius) {
        checkRadius(radius);
        sameLength(demandX, demandY, "demand");
        sameLength(candidateX, candidateY, "candidate");
        double cell = radius > 0 ? radius : 1;
        Map<Long, int[]> grid = planarGrid(candidateX, candidateY, cell);
        int[][] out = new int[demandX.length][];
        double r2 = radius * radius;
        IntList near = new IntList();
        for (int i = 0; i < demandX.length; i++) {
            near.clear();
            long cx = (long) Math.floor(demandX[i] / cell);
            long cy = (long) Math.floor(demandY[i] / cell);
            for (long y = cy - 1; y <= cy + 1; y++) {
                for (long x = cx - 1; x <= cx + 1; x++) {
                    int[] members = grid.get(key(x, y));
                    if (members == null) {
                        continue;
                    }
                    for (int j : members) {
                        double dx = demandX[i] - candidateX[j];
                        double dy = demandY[i] - candidateY[j];
                        if (dx * dx + dy * dy <= r2) {
                            near.add(j);
                        }
                    }
                }
            }
            out[i] = near.toArray();
        }
        return new CoverageSets(candidateX.length, out);
    }

    /** Great-circle (haversine) coverage on a sphere of {@code earthRadiusMeters}; positions in degrees WGS84. */
    public static CoverageSets greatCircle(double[] demandLon, double[] demandLat, double[] candidateLon,
            double[] candidateLat, double radiusMeters, double earthRadiusMeters) {
        checkRadius(radiusMeters);
        if (!(earthRadiusMeters > 0) || Double.isInfinite(earthRadiusMeters)) {
            throw new IllegalArgumentException("earth radius " + earthRadiusMeters + " m must be a positive number");
        }
        sameLength(demandLon, demandLat, "demand");
        sameLength(candidateLon, candidateLat, "candidate");
        double maxAbsLat = Arrays.stream(demandLat).map(Math::abs).max().orElse(0);
        PointGrid grid = new PointGrid(candidateLon, candidateLat, Math.max(radiusMeters, 1e-3), earthRadiusMeters, maxAbsLat);
        int[][] out = new int[demandLon.length][];
        IntList near = new IntList();
        for (int i = 0; i < demandLon.length; i++) {
            near.clear();
            double lon = demandLon[i];
            double lat = demandLat[i];
            grid.forEachNear(lon, lat, j -> {
                if (GreatCircle.distanceMeters(lon, lat, candidateLon[j], candidateLat[j], earthRadiusMeters) <= radiusMeters) {
                    near.add(j);
                }
            });
            out[i] = near.toArray();
        }
        return new CoverageSets(candidateLon.length, out);
    }

    /**
     * Walking coverage: candidate j covers demand i when the walk from j to i along the network is at
     * most {@code radiusMeters} (legs to and from the network included). One bounded search per
     * candidate, reusing its arrays; only demand units within the radius in a straight line (plus 1 %)
     * are measured, each snapped onto the network once.
     */
    public static CoverageSets walking(WalkingCoverageAnalyzer network, double[] demandLon, double[] demandLat,
            double[] candidateLon, double[] candidateLat, double radiusMeters) {
        checkRadius(radiusMeters);
        sameLength(demandLon, demandLat, "demand");
        sameLength(candidateLon, candidateLat, "candidate");
        double margin = radiusMeters * 1.01 + 1;
        double maxAbsLat = Arrays.stream(candidateLat).map(Math::abs).max().orElse(0);
        PointGrid demandGrid = new PointGrid(demandLon, demandLat, margin, GreatCircle.MEAN_EARTH_RADIUS_METERS, maxAbsLat);
        IntList[] byDemand = new IntList[demandLon.length];
        // each demand point is snapped once, when a candidate first has it near
        NetworkSnap[] demandSnap = new NetworkSnap[demandLon.length];
        boolean[] snapped = new boolean[demandLon.length];
        WalkingCoverageAnalyzer.SingleSourceSearch search = network.singleSourceSearch();
        for (int j = 0; j < candidateLon.length; j++) {
            double lon = candidateLon[j];
            double lat = candidateLat[j];
            IntList near = new IntList();
            demandGrid.forEachNear(lon, lat, i -> {
                if (GreatCircle.distanceMeters(lon, lat, demandLon[i], demandLat[i]) <= margin) {
                    near.add(i);
                }
            });
            if (near.size() == 0 || !search.searchFrom(lon, lat, radiusMeters)) {
                continue;
            }
            for (int k = 0; k < near.size(); k++) {
                int i = near.get(k);
                if (!snapped[i]) {
                    demandSnap[i] = network.snapper().snap(demandLon[i], demandLat[i]);
                    snapped[i] = true;
                }
                if (search.distanceMeters(demandSnap[i]) <= radiusMeters) {
                    if (byDemand[i] == null) {
                        byDemand[i] = new IntList();
                    }
                    byDemand[i].add(j);
                }
            }
        }
        int[][] out = new int[demandLon.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = byDemand[i] == null ? new int[0] : byDemand[i].toArray();
        }
        return new CoverageSets(candidateLon.length, out);
    }

    /**
     * Coverage from precomputed distances: triple k says demand {@code demand[k]} is
     * {@code distance[k]} from candidate {@code candidate[k]}. Missing pairs are not covered.
     */
    public static CoverageSets fromDistances(int demandCount, int candidateCount, int[] demand, int[] candidate,
            double[] distance, double radius) {
        checkRadius(radius);
        if (demand.length != candidate.length || demand.length != distance.length) {
            throw new IllegalArgumentException("distance triples have different lengths");
        }
        IntList[] byDemand = new IntList[demandCount];
        for (int k = 0; k < demand.length; k++) {
            if (demand[k] < 0 || demand[k] >= demandCount || candidate[k] < 0 || candidate[k] >= candidateCount) {
                throw new IllegalArgumentException("distance triple " + k + " names demand " + demand[k] + " of " + demandCount
                        + " and candidate " + candidate[k] + " of " + candidateCount);
            }
            if (distance[k] <= radius) {
                if (byDemand[demand[k]] == null) {
                    byDemand[demand[k]] = new IntList();
                }
                byDemand[demand[k]].add(candidate[k]);
            }
        }
        int[][] out = new int[demandCount][];
        for (int i = 0; i < demandCount; i++) {
            out[i] = byDemand[i] == null ? new int[0] : byDemand[i].toArray();
        }
        return new CoverageSets(candidateCount, out);
    }

    /** Builds coverage sets for the demand units given, all at one radius (one of the builders above). */
    @FunctionalInterface
    public interface AtRadius {
        CoverageSets build(double[] demandLon, double[] demandLat, double radiusMeters);
    }

    /**
     * Coverage where each demand unit has its own radius (radii by zone, {@code RadiusZones}): one build per
     * distinct radius over the units of that radius, the rows put back in input order. Candidate j covers
     * unit i when it is within {@code radiusMetersOfDemand[i]} of it.
     */
    public static CoverageSets perDemandRadius(double[] demandLon, double[] demandLat, double[] radiusMetersOfDemand,
            int candidateCount, AtRadius build) {
        sameLength(demandLon, demandLat, "demand");
        if (radiusMetersOfDemand.length != demandLon.length) {
            throw new IllegalArgumentException(radiusMetersOfDemand.length + " radii for " + demandLon.length + " demand units");
        }
        Map<Double, IntList> groups = new java.util.TreeMap<>();
        for (int i = 0; i < demandLon.length; i++) {
            checkRadius(radiusMetersOfDemand[i]);
            groups.computeIfAbsent(radiusMetersOfDemand[i], k -> new IntList()).add(i);
        }
        int[][] out = new int[demandLon.length][];
        for (var g : groups.entrySet()) {
            int[] members = g.getValue().toArray();
            double[] lon = new double[members.length];
            double[] lat = new double[members.length];
            for (int k = 0; k < members.length; k++) {
                lon[k] = demandLon[members[k]];
                lat[k] = demandLat[members[k]];
            }
            CoverageSets part = build.build(lon, lat, g.getKey());
            if (part.demandCount() != members.length || part.candidateCount() != candidateCount) {
                throw new IllegalStateException("a build at " + g.getKey() + " m gave " + part.demandCount() + " rows x "
                        + part.candidateCount() + " candidates, expected " + members.length + " x " + candidateCount);
            }
            for (int k = 0; k < members.length; k++) {
                out[members[k]] = part.candidatesOf(k);
            }
        }
        return new CoverageSets(candidateCount, out);
    }

    private static Map<Long, int[]> planarGrid(double[] x, double[] y, double cell) {
        Map<Long, IntList> cells = new HashMap<>();
        for (int j = 0; j < x.length; j++) {
            cells.computeIfAbsent(key((long) Math.floor(x[j] / cell), (long) Math.floor(y[j] / cell)), k -> new IntList()).add(j);
        }
        Map<Long, int[]> out = new HashMap<>(cells.size() * 2);
        cells.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    private static long key(long x, long y) {
        return (x << 32) ^ (y & 0xffffffffL);
    }

    private static void checkRadius(double radius) {
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius " + radius + " must be a finite number >= 0");
        }
    }

    private static void sameLength(double[] a, double[] b, String what) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(what + " coordinates have " + a.length + " and " + b.length + " values");
        }
    }

    /** A growable int list, to avoid boxing in the inner loops. */
    static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int k) {
            return values[k];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
