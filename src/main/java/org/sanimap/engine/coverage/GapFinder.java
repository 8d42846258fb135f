package org.sanimap.engine.coverage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPoint;

/**
 * Groups the uncovered demand units of a {@link CoverageResult} into gaps and ranks them by uncovered
 * population. Two uncovered units belong to the same gap when their centres are within
 * {@code linkDistanceMeters} (great-circle) of each other, transitively (single-linkage clusters,
 * found with a union-find over a {@link PointGrid}). Ties in population are broken by the smallest
 * demand index, so the ranking is deterministic.
 */
public final class GapFinder {

    private final double linkDistanceMeters;
    private final double earthRadiusMeters;

    /**
     * @param linkDistanceMeters distance that joins two uncovered units; for a grid of demand cells a
     *                           little over the cell spacing joins neighbouring cells
     */
    public GapFinder(double linkDistanceMeters) {
        this(linkDistanceMeters, GreatCircle.MEAN_EARTH_RADIUS_METERS);
    }

    public GapFinder(double linkDistanceMeters, double earthRadiusMeters) {
        if (!(linkDistanceMeters > 0)) {
            throw new IllegalArgumentException("link distance " + linkDistanceMeters + " m must be positive");
        }
        this.linkDistanceMeters = linkDistanceMeters;
        this.earthRadiusMeters = earthRadiusMeters;
    }

    /** Gaps of the uncovered units, largest population first. */
    public List<Gap> find(List<DemandPoint> demand, CoverageResult coverage) {
        BitSet covered = coverage.covered();
        int[] uncovered = clearBits(covered, demand.size());
        int k = uncovered.length;
        double[] lon = new double[k];
        double[] lat = new double[k];
        for (int a = 0; a < k; a++) {
            lon[a] = demand.get(uncovered[a]).lonWgs84();
            lat[a] = demand.get(uncovered[a]).latWgs84();
        }
        int[] parent = new int[k];
        for (int a = 0; a < k; a++) {
            parent[a] = a;
        }
        PointGrid grid = new PointGrid(lon, lat, linkDistanceMeters, earthRadiusMeters, 0);
        for (int a = 0; a < k; a++) {
            final int from = a;
            grid.anyNear(lon[a], lat[a], b -> {
                if (b > from && GreatCircle.distanceMeters(lon[from], lat[from], lon[b], lat[b], earthRadiusMeters)
                        <= linkDistanceMeters) {
                    union(parent, from, b);
                }
                return false;
            });
        }
        List<List<Integer>> groups = new ArrayList<>();
        int[] groupOf = new int[k];
        java.util.Arrays.fill(groupOf, -1);
        for (int a = 0; a < k; a++) {
            int root = find(parent, a);
            if (groupOf[root] < 0) {
                groupOf[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[root]).add(uncovered[a]);
        }
        List<Gap> gaps = new ArrayList<>(groups.size());
        for (List<Integer> members : groups) {
            gaps.add(gap(demand, members));
        }
        gaps.sort(Comparator.comparingDouble(Gap::population).reversed()
                .thenComparingInt(g -> g.demandIndexes()[0]));
        List<Gap> ranked = new ArrayList<>(gaps.size());
        for (int r = 0; r < gaps.size(); r++) {
            Gap g = gaps.get(r);
            ranked.add(new Gap(r + 1, g.population(), g.centreLonWgs84(), g.centreLatWgs84(), g.cells(), g.areaKm2(),
                    g.demandIndexes()));
        }
        return ranked;
    }

    private Gap gap(List<DemandPoint> demand, List<Integer> members) {
        double population = 0;
        double sumLon = 0;
        double sumLat = 0;
        double plainLon = 0;
        double plainLat = 0;
        for (int i : members) {
            DemandPoint d = demand.get(i);
            population += d.population();
            sumLon += d.population() * d.lonWgs84();
            sumLat += d.population() * d.latWgs84();
            plainLon += d.lonWgs84();
            plainLat += d.latWgs84();
        }
        double centreLon = population > 0 ? sumLon / population : plainLon / members.size();
        double centreLat = population > 0 ? sumLat / population : plainLat / members.size();
        int[] indexes = members.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Gap(0, population, centreLon, centreLat, members.size(), hullAreaKm2(demand, members, centreLat),
                indexes);
    }

    /** Convex hull area in an equirectangular plane around the gap (scale error negligible at city size). */
    private double hullAreaKm2(List<DemandPoint> demand, List<Integer> members, double centreLat) {
        if (members.size() < 3) {
            return 0;
        }
        double kx = Math.toRadians(1) * earthRadiusMeters * Math.cos(Math.toRadians(centreLat));
        double ky = Math.toRadians(1) * earthRadiusMeters;
        Coordinate[] coords = new Coordinate[members.size()];
        for (int a = 0; a < coords.length; a++) {
            DemandPoint d = demand.get(members.get(a));
            coords[a] = new Coordinate(d.lonWgs84() * kx, d.latWgs84() * ky);
        }
        MultiPoint points = new GeometryFactory().createMultiPointFromCoords(coords);
        return points.convexHull().getArea() / 1e6;
    }

    private static int find(int[] parent, int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static int[] clearBits(BitSet bits, int n) {
        int[] out = new int[n - bits.cardinality()];
        int at = 0;
        for (int i = bits.nextClearBit(0); i < n; i = bits.nextClearBit(i + 1)) {
            out[at++] = i;
        }
        return out;
    }
}
