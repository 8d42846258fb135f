package org.sanimap.engine.coverage;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Computes straight-line coverage: which demand units have a facility within {@code radiusMeters}
 * (great-circle distance on a sphere, by default the mean earth radius), and the covered and total
 * population overall and per planning area.
 *
 * <p>Model: demand unit i with weight w_i is covered when min_j d(i, j) ≤ r over facilities j (the
 * covering notion of Toregas et al. 1971 and Church &amp; ReVelle 1974; a unit counts by its centre, as
 * in spopt and ArcGIS). Covered population = Σ w_i over covered i.
 *
 * <p>Cost: facilities are put in a uniform grid of radius-sized cells ({@link PointGrid}); each demand
 * unit tests only the facilities of its 3 x 3 cells with an exact haversine comparison (no square
 * root or arcsine: h ≤ sin²(r / 2R)). Demand is processed in parallel chunks; the result does not
 * depend on the number of threads.
 *
 * <p>Use {@link #analyze(List, List, double)} for the defaults, or configure an instance.
 */
public final class CoverageAnalyzer implements CoverageModel {

    private final double earthRadiusMeters;
    private final boolean parallel;

    private CoverageAnalyzer(double earthRadiusMeters, boolean parallel) {
        if (!(earthRadiusMeters > 0)) {
            throw new IllegalArgumentException("earth radius " + earthRadiusMeters + " m must be positive");
        }
        this.earthRadiusMeters = earthRadiusMeters;
        this.parallel = parallel;
    }

    /** An analyzer on the mean-radius sphere, parallel. */
    public CoverageAnalyzer() {
        this(GreatCircle.MEAN_EARTH_RADIUS_METERS, true);
    }

    /** The same analyzer on a sphere of another radius (e.g. 6,378,100 m for the NewYork MCLP instance). */
    public CoverageAnalyzer withEarthRadiusMeters(double radius) {
        return new CoverageAnalyzer(radius, parallel);
    }

    /** The same analyzer, single-threaded when {@code parallel} is false. */
    public CoverageAnalyzer withParallel(boolean parallelCompute) {
        return new CoverageAnalyzer(earthRadiusMeters, parallelCompute);
    }

    /** One-call entry point with the defaults. */
    public static CoverageResult analyze(List<DemandPoint> demand, List<FacilityPoint> facilities, double radiusMeters) {
        return new CoverageAnalyzer().compute(demand, facilities, radiusMeters);
    }

    /**
     * @param radiusMeters service radius in metres, ≥ 0; a unit exactly at the radius is covered
     */
    @Override
    public CoverageResult compute(List<DemandPoint> demand, List<FacilityPoint> facilities, double radiusMeters) {
        return compute(demand, index(facilities, radiusMeters), radiusMeters);
    }

    /** Builds the facility index once, for several demand sets at the same radius. */
    public FacilityIndex index(List<FacilityPoint> facilities, double radiusMeters) {
        if (!(radiusMeters >= 0) || Double.isInfinite(radiusMeters)) {
            throw new IllegalArgumentException("radius " + radiusMeters + " m must be a finite number >= 0");
        }
        return new FacilityIndex(facilities, radiusMeters, earthRadiusMeters, parallel);
    }

    /** Coverage of a demand set by an indexed facility set. */
    public CoverageResult compute(List<DemandPoint> demand, FacilityIndex facilities, double radiusMeters) {
        if (facilities.radiusMeters() != radiusMeters) {
            throw new IllegalArgumentException("the facility index was built for " + facilities.radiusMeters()
                    + " m, not " + radiusMeters + " m");
        }
        return CoverageResult.of(demand, facilities.covered(demand), radiusMeters);
    }

    @Override
    public String metric() {
        return "euclidean";
    }

    @Override
    public FacilityIndex prepare(List<FacilityPoint> facilities, double radiusMeters) {
        return index(facilities, radiusMeters);
    }

    /** Facilities indexed for one radius; immutable and safe to share between threads. */
    public static final class FacilityIndex implements PreparedCoverage {
        private final double radiusMeters;
        private final double[] lon;
        private final double[] cosLat;
        private final double[] latRad;
        private final double threshold;
        private final PointGrid grid;
        private final boolean parallel;

        FacilityIndex(List<FacilityPoint> facilities, double radiusMeters, double earthRadiusMeters, boolean parallel) {
            this.radiusMeters = radiusMeters;
            this.parallel = parallel;
            int m = facilities.size();
            this.lon = new double[m];
            double[] lat = new double[m];
            this.cosLat = new double[m];
            this.latRad = new double[m];
            for (int j = 0; j < m; j++) {
                lon[j] = facilities.get(j).lonWgs84();
                lat[j] = facilities.get(j).latWgs84();
                latRad[j] = Math.toRadians(lat[j]);
                cosLat[j] = Math.cos(latRad[j]);
            }
            double s = Math.sin(Math.min(Math.PI / 2, radiusMeters / (2 * earthRadiusMeters)));
            // inclusive radius: a relative slack of 1e-9 on h (about 1e-7 mm at 300 m) absorbs rounding,
            // so a unit placed exactly at the radius counts as covered
            this.threshold = s * s * (1 + 1e-9);
            this.grid = new PointGrid(lon, lat, radiusMeters, earthRadiusMeters, 0);
        }

        @Override
        public double radiusMeters() {
            return radiusMeters;
        }

        @Override
        public boolean[] covered(List<DemandPoint> demand) {
            int n = demand.size();
            double[] lonOf = new double[n];
            double[] latOf = new double[n];
            for (int i = 0; i < n; i++) {
                lonOf[i] = demand.get(i).lonWgs84();
                latOf[i] = demand.get(i).latWgs84();
            }
            return covered(lonOf, latOf, parallel);
        }

        int size() {
            return lon.length;
        }

        /** Whether the facilities spread so wide that the grid keeps only its occupied cells. */
        public boolean gridIsSparse() {
            return grid.isSparse();
        }

        /** Whether the position (degrees) has a facility within the radius. */
        boolean covers(double pointLon, double pointLat) {
            if (lon.length == 0) {
                return false;
            }
            double phi = Math.toRadians(pointLat);
            double cosPhi = Math.cos(phi);
            return grid.anyNear(pointLon, pointLat, j -> {
                double sinDLat = Math.sin((latRad[j] - phi) / 2);
                double sinDLon = Math.sin(Math.toRadians(lon[j] - pointLon) / 2);
                return sinDLat * sinDLat + cosPhi * cosLat[j] * sinDLon * sinDLon <= threshold;
            });
        }

        boolean[] covered(double[] pointLon, double[] pointLat, boolean parallel) {
            boolean[] out = new boolean[pointLon.length];
            int chunk = 4096;
            int chunks = (pointLon.length + chunk - 1) / chunk;
            IntStream range = IntStream.range(0, chunks);
            (parallel ? range.parallel() : range).forEach(c -> {
                int end = Math.min(pointLon.length, (c + 1) * chunk);
                for (int i = c * chunk; i < end; i++) {
                    out[i] = covers(pointLon[i], pointLat[i]);
                }
            });
            return out;
        }
    }
}
