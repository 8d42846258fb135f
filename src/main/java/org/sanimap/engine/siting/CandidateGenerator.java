package org.sanimap.engine.siting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.sanimap.engine.coverage.GreatCircle;
import org.sanimap.engine.coverage.LocalPlane;

/**
 * Candidate sites for siting.
 *
 * <ul>
 *   <li>{@link #gridOverGaps}: a regular square grid (spacing in metres, in a local equirectangular
 *       plane anchored at a fixed origin so that the grid does not move with the data) keeping only the
 *       grid points within the radius (straight line) of at least one given demand point: the gaps.
 *       A grid point farther from every gap could not cover any of it.</li>
 *   <li>{@link #pointsNearGaps}: given points (network nodes, a user's parcels) filtered the same way.</li>
 *   <li>{@link #outside}: the points outside every exclusion polygon (WGS84).</li>
 * </ul>
 * Positions are degrees WGS84; results are {@code [lon[], lat[]]}.
 */
public final class CandidateGenerator {

    /** Most grid points generated, to keep a request from exhausting memory. */
    public static final int MAX_CANDIDATES = 500_000;

    private CandidateGenerator() {
    }

    /**
     * @param gapLon        longitudes of the demand points to serve
     * @param gapLat        their latitudes
     * @param spacingMeters grid spacing, &gt; 0
     * @param radiusMeters  service radius, &gt;= 0
     * @throws IllegalArgumentException when the grid would exceed {@link #MAX_CANDIDATES} points
     */
    public static double[][] gridOverGaps(double[] gapLon, double[] gapLat, double spacingMeters, double radiusMeters) {
        if (!(spacingMeters > 0) || Double.isInfinite(spacingMeters)) {
            throw new IllegalArgumentException("grid spacing " + spacingMeters + " m must be a positive number");
        }
        if (gapLon.length == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        double lat0 = 0;
        for (double v : gapLat) {
            lat0 += v / gapLat.length;
        }
        // origin rounded to whole degrees: the same grid for any subset of the same city
        LocalPlane plane = new LocalPlane(Math.floor(gapLon[0]), Math.floor(lat0));
        double metersPerDegreeLat = Math.toRadians(1) * GreatCircle.MEAN_EARTH_RADIUS_METERS;
        double metersPerDegreeLon = plane.x(Math.floor(gapLon[0]) + 1);
        Set<Long> seen = new HashSet<>();
        List<double[]> out = new ArrayList<>();
        int reach = (int) Math.ceil(radiusMeters / spacingMeters) + 1;
        for (int i = 0; i < gapLon.length; i++) {
            double x = plane.x(gapLon[i]);
            double y = plane.y(gapLat[i]);
            long gx = Math.round(x / spacingMeters);
            long gy = Math.round(y / spacingMeters);
            for (long cy = gy - reach; cy <= gy + reach; cy++) {
                for (long cx = gx - reach; cx <= gx + reach; cx++) {
                    long key = (cx << 32) ^ (cy & 0xffffffffL);
                    if (seen.contains(key)) {
                        continue;
                    }
                    double lon = Math.floor(gapLon[0]) + cx * spacingMeters / metersPerDegreeLon;
                    double lat = Math.floor(lat0) + cy * spacingMeters / metersPerDegreeLat;
                    if (GreatCircle.distanceMeters(lon, lat, gapLon[i], gapLat[i]) <= radiusMeters) {
                        seen.add(key);
                        out.add(new double[] {lon, lat});
                        if (out.size() > MAX_CANDIDATES) {
                            throw new IllegalArgumentException("a " + spacingMeters + " m grid over the gaps would have more than "
                                    + MAX_CANDIDATES + " candidate sites; use a wider spacing");
                        }
                    }
                }
            }
        }
        return split(out);
    }

    /** The points within {@code radiusMeters} of at least one gap point (grid-indexed). */
    public static double[][] pointsNearGaps(double[] lon, double[] lat, double[] gapLon, double[] gapLat, double radiusMeters) {
        CoverageSets near = CoverageSetBuilder.greatCircle(lon, lat, gapLon, gapLat, radiusMeters, GreatCircle.MEAN_EARTH_RADIUS_METERS);
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < lon.length; k++) {
            if (near.candidatesOfDemandView()[k].length > 0) {
                out.add(new double[] {lon[k], lat[k]});
            }
        }
        return split(out);
    }

    /** The points outside every polygon of {@code exclusionsWgs84} (a point on a boundary is excluded). */
    public static boolean[] outside(double[] lon, double[] lat, List<Geometry> exclusionsWgs84) {
        boolean[] keep = new boolean[lon.length];
        java.util.Arrays.fill(keep, true);
        if (exclusionsWgs84.isEmpty()) {
            return keep;
        }
        GeometryFactory factory = new GeometryFactory();
        List<PreparedGeometry> prepared = exclusionsWgs84.stream().map(PreparedGeometryFactory::prepare).toList();
        for (int k = 0; k < lon.length; k++) {
            Geometry point = factory.createPoint(new Coordinate(lon[k], lat[k]));
            for (PreparedGeometry g : prepared) {
                if (g.intersects(point)) {
                    keep[k] = false;
                    break;
                }
            }
        }
        return keep;
    }

    private static double[][] split(List<double[]> points) {
        double[] lon = new double[points.size()];
        double[] lat = new double[points.size()];
        for (int k = 0; k < lon.length; k++) {
            lon[k] = points.get(k)[0];
            lat[k] = points.get(k)[1];
        }
        return new double[][] {lon, lat};
    }
}
