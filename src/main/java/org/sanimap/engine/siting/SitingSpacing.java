package org.sanimap.engine.siting;

import java.util.Arrays;
import org.sanimap.engine.coverage.GreatCircle;

/**
 * A minimum distance between new sites, so that a plan spreads its facilities (spacing rules such as
 * GB 50337-2003's 500 to 800 m between toilets in residential areas): two candidates closer than it may
 * not both be chosen. The MCLP then gains the conflict constraints x_j + x_k ≤ 1 for every such pair
 * (a vertex-packing side constraint on Church and ReVelle 1974).
 *
 * @param minSpacingMeters     the least distance between two new sites, metres, &gt; 0
 * @param conflictsOfCandidate for each candidate (by index), the other candidates closer than that, ascending
 */
public record SitingSpacing(double minSpacingMeters, int[][] conflictsOfCandidate) {

    public SitingSpacing {
        if (!(minSpacingMeters > 0) || Double.isInfinite(minSpacingMeters)) {
            throw new IllegalArgumentException("minimum spacing " + minSpacingMeters + " m must be a positive number");
        }
        int n = conflictsOfCandidate.length;
        int[][] copy = new int[n][];
        for (int j = 0; j < n; j++) {
            copy[j] = conflictsOfCandidate[j].clone();
            for (int k : copy[j]) {
                if (k < 0 || k >= n || k == j) {
                    throw new IllegalArgumentException("candidate " + j + " conflicts with candidate " + k + " of " + n);
                }
            }
        }
        conflictsOfCandidate = copy;
    }

    /**
     * The conflicts among candidates at lon/lat (degrees WGS84): pairs closer than {@code minSpacingMeters} on the
     * mean-radius sphere, found through a grid index.
     */
    public static SitingSpacing of(double[] lonWgs84, double[] latWgs84, double minSpacingMeters) {
        if (!(minSpacingMeters > 0) || Double.isInfinite(minSpacingMeters)) {
            throw new IllegalArgumentException("minimum spacing " + minSpacingMeters + " m must be a positive number");
        }
        // within the spacing counts as "at most"; one ulp less makes it "closer than"
        CoverageSets near = CoverageSetBuilder.greatCircle(lonWgs84, latWgs84, lonWgs84, latWgs84, Math.nextDown(minSpacingMeters),
                GreatCircle.MEAN_EARTH_RADIUS_METERS);
        int[][] conflicts = new int[lonWgs84.length][];
        for (int j = 0; j < conflicts.length; j++) {
            int self = j;
            conflicts[j] = Arrays.stream(near.candidatesOf(j)).filter(k -> k != self).sorted().toArray();
        }
        return new SitingSpacing(minSpacingMeters, conflicts);
    }

    /**
     * For each candidate, whether it lies at least {@code minSpacingMeters} from every existing facility (a spacing
     * rule holds between all facilities, not only the new ones); positions in degrees WGS84.
     */
    public static boolean[] farFromExisting(double[] candidateLon, double[] candidateLat, double[] existingLon,
            double[] existingLat, double minSpacingMeters) {
        CoverageSets near = CoverageSetBuilder.greatCircle(candidateLon, candidateLat, existingLon, existingLat,
                Math.nextDown(minSpacingMeters), GreatCircle.MEAN_EARTH_RADIUS_METERS);
        boolean[] far = new boolean[candidateLon.length];
        for (int j = 0; j < far.length; j++) {
            far[j] = near.candidatesOf(j).length == 0;
        }
        return far;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SitingSpacing s && s.minSpacingMeters == minSpacingMeters
                && Arrays.deepEquals(s.conflictsOfCandidate, conflictsOfCandidate);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(minSpacingMeters) + Arrays.deepHashCode(conflictsOfCandidate);
    }

    @Override
    public String toString() {
        return "SitingSpacing[" + minSpacingMeters + " m, " + conflictsOfCandidate.length + " candidates]";
    }
}
