package org.sanimap.engine.coverage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A uniform grid over points in degrees whose cells are at least {@code radiusMeters} wide at every
 * latitude of the data, so that every point within the radius of a query lies in the query's cell or
 * one of its 8 neighbours. Cell height is r/R radians of latitude; cell width r/(R·cos φmax) radians of
 * longitude, with φmax the largest |latitude| of the points plus the radius, and a 1 % margin for the
 * difference between a parallel and a great circle. Points are stored cell by cell in one int array
 * (dense grid when it has at most 16 M cells, else a hash of the occupied cells).
 */
public final class PointGrid {

    private static final long MAX_DENSE_CELLS = 16L << 20;

    private final double minLon;
    private final double minLat;
    private final double cellLonDegrees;
    private final double cellLatDegrees;
    private final int cols;
    private final int rows;
    private final int[] cellStart;
    private final int[] order;
    private final Map<Long, int[]> sparse;

    /**
     * @param lon               point longitudes, degrees WGS84
     * @param lat               point latitudes, degrees WGS84
     * @param radiusMeters      the largest query radius
     * @param earthRadiusMeters radius of the sphere distances are measured on
     * @param extraMaxAbsLat    largest |latitude| of the query points (cells must be wide enough there too)
     */
    public PointGrid(double[] lon, double[] lat, double radiusMeters, double earthRadiusMeters, double extraMaxAbsLat) {
        int n = lon.length;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        double maxAbsLat = Math.abs(extraMaxAbsLat);
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, lon[i]);
            maxX = Math.max(maxX, lon[i]);
            minY = Math.min(minY, lat[i]);
            maxY = Math.max(maxY, lat[i]);
            maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]));
        }
        double radiusDegrees = Math.toDegrees(radiusMeters / earthRadiusMeters);
        double phiMax = Math.min(89.0, maxAbsLat + radiusDegrees);
        this.cellLatDegrees = Math.max(1e-9, 1.01 * radiusDegrees);
        this.cellLonDegrees = Math.min(360.0, Math.max(1e-9, 1.01 * radiusDegrees / Math.cos(Math.toRadians(phiMax))));
        this.minLon = n == 0 ? 0 : minX;
        this.minLat = n == 0 ? 0 : minY;
        this.cols = n == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE - 2, Math.floor((maxX - minX) / cellLonDegrees) + 1);
        this.rows = n == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE - 2, Math.floor((maxY - minY) / cellLatDegrees) + 1);
        int[] cellOf = new int[n];
        long[] keyOf = new long[n];
        boolean dense = (long) cols * rows <= MAX_DENSE_CELLS;
        for (int i = 0; i < n; i++) {
            int cx = col(lon[i]);
            int cy = row(lat[i]);
            keyOf[i] = key(cx, cy);
            if (dense) {
                cellOf[i] = cy * cols + cx;
            }
        }
        if (dense) {
            this.sparse = null;
            this.cellStart = new int[cols * rows + 1];
            for (int i = 0; i < n; i++) {
                cellStart[cellOf[i] + 1]++;
            }
            for (int c = 0; c < cols * rows; c++) {
                cellStart[c + 1] += cellStart[c];
            }
            this.order = new int[n];
            int[] fill = Arrays.copyOf(cellStart, cellStart.length - 1);
            for (int i = 0; i < n; i++) {
                order[fill[cellOf[i]]++] = i;
            }
        } else {
            this.cellStart = null;
            this.order = null;
            Map<Long, int[]> cells = new HashMap<>();
            Map<Long, Integer> counts = new HashMap<>();
            for (int i = 0; i < n; i++) {
                counts.merge(keyOf[i], 1, Integer::sum);
            }
            Map<Long, Integer> filled = new HashMap<>();
            counts.forEach((k, c) -> cells.put(k, new int[c]));
            for (int i = 0; i < n; i++) {
                int at = filled.merge(keyOf[i], 1, Integer::sum) - 1;
                cells.get(keyOf[i])[at] = i;
            }
            this.sparse = cells;
        }
    }

    int col(double lon) {
        return (int) Math.floor((lon - minLon) / cellLonDegrees);
    }

    int row(double lat) {
        return (int) Math.floor((lat - minLat) / cellLatDegrees);
    }

    /** Calls the visitor with every point index in the 3 x 3 cells around a position; stops when it returns true. */
    boolean anyNear(double lon, double lat, IndexTest test) {
        int cx = col(lon);
        int cy = row(lat);
        for (int y = cy - 1; y <= cy + 1; y++) {
            if (y < 0 || y >= rows) {
                continue;
            }
            for (int x = cx - 1; x <= cx + 1; x++) {
                if (x < 0 || x >= cols) {
                    continue;
                }
                if (sparse == null) {
                    int cell = y * cols + x;
                    for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                        if (test.test(order[k])) {
                            return true;
                        }
                    }
                } else {
                    int[] members = sparse.get(key(x, y));
                    if (members != null) {
                        for (int i : members) {
                            if (test.test(i)) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * Calls {@code visitor} with every point in the query's cell and its 8 neighbours: a superset of
     * the points within the radius of (lon, lat), in no particular order.
     */
    public void forEachNear(double lon, double lat, java.util.function.IntConsumer visitor) {
        anyNear(lon, lat, i -> {
            visitor.accept(i);
            return false;
        });
    }

    /** Whether the grid fell back to a hash of occupied cells (very large extents). */
    boolean isSparse() {
        return sparse != null;
    }

    private static long key(int x, int y) {
        return ((long) x << 32) | (y & 0xffffffffL);
    }

    /** A test on a point index. */
    @FunctionalInterface
    interface IndexTest {
        boolean test(int index);
    }
}
