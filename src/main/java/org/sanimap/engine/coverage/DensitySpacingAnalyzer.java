package org.sanimap.engine.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Facility density per planning area (facilities per km² of the area) and nearest-neighbour spacing
 * (great-circle distance from each facility to the closest other one), the two other kinds of rule
 * in the standards besides the service radius (e.g. GB/T 50337-2018: 3-5 toilets per km² on
 * residential land; GB 50337-2003: toilets 500-800 m apart in residential areas). Areas are measured
 * in a {@link LocalPlane}; with no planning areas the convex hull of the demand stands for the city.
 */
public final class DensitySpacingAnalyzer {

    /**
     * @param district    planning area
     * @param facilities  facilities inside it
     * @param areaKm2     its area, km²
     * @param perKm2      facilities per km² (0 for an empty area)
     */
    public record DistrictDensity(String district, int facilities, double areaKm2, double perKm2) {
    }

    /**
     * @param facilities        facilities measured
     * @param minMeters         smallest nearest-neighbour distance (NaN with fewer than 2 facilities)
     * @param medianMeters      median nearest-neighbour distance
     * @param meanMeters        mean nearest-neighbour distance
     * @param nearestMeters     nearest-neighbour distance per facility, in input order
     */
    public record Spacing(int facilities, double minMeters, double medianMeters, double meanMeters, double[] nearestMeters) {
        public Spacing {
            nearestMeters = nearestMeters.clone();
        }

        @Override
        public double[] nearestMeters() {
            return nearestMeters.clone();
        }

        /** How many facilities have their nearest neighbour closer than min or farther than max (null = no bound). */
        public int outside(Double minAllowedMeters, Double maxAllowedMeters) {
            int n = 0;
            for (double d : nearestMeters) {
                if ((minAllowedMeters != null && d < minAllowedMeters) || (maxAllowedMeters != null && d > maxAllowedMeters)) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Density in each planning area (or the demand hull), sorted by area name. */
    public List<DistrictDensity> density(List<FacilityPoint> facilities, List<DistrictAssigner.NamedArea> areas,
            List<DemandPoint> demand, LocalPlane plane) {
        List<DistrictAssigner.NamedArea> regions = areas;
        if (areas.isEmpty()) {
            if (demand.size() < 3) {
                return List.of();
            }
            GeometryFactory f = new GeometryFactory();
            Geometry hull = f.createMultiPointFromCoords(demand.stream().map(d -> new Coordinate(d.lonWgs84(), d.latWgs84()))
                    .toArray(Coordinate[]::new)).convexHull();
            regions = List.of(new DistrictAssigner.NamedArea(DistrictAssigner.WHOLE_AREA, hull));
        }
        DistrictAssigner assigner = new DistrictAssigner(regions);
        TreeMap<String, int[]> counts = new TreeMap<>();
        regions.forEach(r -> counts.put(r.name(), new int[1]));
        for (FacilityPoint p : facilities) {
            String d = areas.isEmpty() ? (regions.get(0).areaWgs84().covers(new GeometryFactory()
                    .createPoint(new Coordinate(p.lonWgs84(), p.latWgs84()))) ? DistrictAssigner.WHOLE_AREA : null)
                    : assigner.districtOf(p.lonWgs84(), p.latWgs84());
            if (d != null) {
                counts.get(d)[0]++;
            }
        }
        List<DistrictDensity> out = new ArrayList<>();
        for (DistrictAssigner.NamedArea r : regions) {
            double km2 = plane.toPlane(r.areaWgs84()).getArea() / 1e6;
            int n = counts.get(r.name())[0];
            out.add(new DistrictDensity(r.name(), n, km2, km2 > 0 ? n / km2 : 0));
        }
        out.sort((a, b) -> a.district().compareTo(b.district()));
        return out;
    }

    /** Nearest-neighbour spacing of the facilities (grid search, great-circle distance). */
    public Spacing spacing(List<FacilityPoint> facilities) {
        int n = facilities.size();
        double[] nearest = new double[n];
        if (n < 2) {
            Arrays.fill(nearest, Double.NaN);
            return new Spacing(n, Double.NaN, Double.NaN, Double.NaN, nearest);
        }
        double[] lon = new double[n];
        double[] lat = new double[n];
        for (int i = 0; i < n; i++) {
            lon[i] = facilities.get(i).lonWgs84();
            lat[i] = facilities.get(i).latWgs84();
        }
        // grow the search radius until every facility has found a neighbour
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (double r = 250; ; r *= 4) {
            PointGrid grid = new PointGrid(lon, lat, r, GreatCircle.MEAN_EARTH_RADIUS_METERS, 0);
            boolean all = true;
            for (int i = 0; i < n; i++) {
                if (nearest[i] != Double.POSITIVE_INFINITY) {
                    continue;
                }
                final int self = i;
                double[] best = {Double.POSITIVE_INFINITY};
                grid.anyNear(lon[i], lat[i], j -> {
                    if (j != self) {
                        best[0] = Math.min(best[0], GreatCircle.distanceMeters(lon[self], lat[self], lon[j], lat[j]));
                    }
                    return false;
                });
                if (best[0] <= r) {
                    nearest[i] = best[0];
                } else {
                    all = false;
                }
            }
            if (all || r > 4e7) {
                break;
            }
        }
        double[] sorted = nearest.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double d : nearest) {
            sum += d;
        }
        return new Spacing(n, sorted[0], sorted[n / 2], sum / n, nearest);
    }
}
