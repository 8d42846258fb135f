package org.sanimap.coverage;

import java.time.LocalDate;
import java.util.Set;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/**
 * What to analyse.
 *
 * @param type             facility type
 * @param radiusMeters     service radius, metres (0 to 100,000)
 * @param metric           {@code euclidean} (straight line, great circle) or {@code walking} (along the network)
 * @param statuses         statuses that count (always including in_service)
 * @param mobileAsToilets  count mobile toilets as toilets when the type is public_toilet
 * @param demandLayer      demand layer name, or null for the only one
 * @param weighting        {@code centroid} (a cell counts when its centre is within reach; default) or
 *                         {@code area} (the covered share of each cell polygon's area)
 * @param asOf             the day whose facilities count, with the statuses they had then (rebuilt from their
 *                         timelines); null for today's registry
 * @param districtLayer    the layer of planning areas that splits the figures, or null for every stored one
 * @param zoneLayer        a layer of planning areas named after the area classes of the type's active radius rules
 *                         (e.g. land use: residential, commercial): inside each, its rule's radius applies, and
 *                         {@code radiusMeters} outside them; null for one radius everywhere
 */
public record CoverageRequest(FacilityType type, double radiusMeters, String metric, Set<FacilityStatus> statuses,
        boolean mobileAsToilets, String demandLayer, String weighting, LocalDate asOf, String districtLayer,
        String zoneLayer) {

    /** A request with one radius everywhere. */
    public CoverageRequest(FacilityType type, double radiusMeters, String metric, Set<FacilityStatus> statuses,
            boolean mobileAsToilets, String demandLayer, String weighting, LocalDate asOf, String districtLayer) {
        this(type, radiusMeters, metric, statuses, mobileAsToilets, demandLayer, weighting, asOf, districtLayer, null);
    }

    /** A request split by every stored layer of planning areas. */
    public CoverageRequest(FacilityType type, double radiusMeters, String metric, Set<FacilityStatus> statuses,
            boolean mobileAsToilets, String demandLayer, String weighting, LocalDate asOf) {
        this(type, radiusMeters, metric, statuses, mobileAsToilets, demandLayer, weighting, asOf, null);
    }

    /** A request on today's registry. */
    public CoverageRequest(FacilityType type, double radiusMeters, String metric, Set<FacilityStatus> statuses,
            boolean mobileAsToilets, String demandLayer, String weighting) {
        this(type, radiusMeters, metric, statuses, mobileAsToilets, demandLayer, weighting, null, null);
    }

    /** A centroid-weighted request. */
    public CoverageRequest(FacilityType type, double radiusMeters, String metric, Set<FacilityStatus> statuses,
            boolean mobileAsToilets, String demandLayer) {
        this(type, radiusMeters, metric, statuses, mobileAsToilets, demandLayer, null, null, null);
    }

    public static final double MAX_RADIUS_METERS = 100_000;

    public CoverageRequest {
        if (type == null) {
            throw new IllegalArgumentException("type is required; expected one of " + FacilityType.codes());
        }
        if (!(radiusMeters > 0) || radiusMeters > MAX_RADIUS_METERS) {
            throw new IllegalArgumentException("radiusMeters " + radiusMeters + " out of range (0, 100000]");
        }
        metric = metric == null || metric.isBlank() ? "euclidean" : metric.trim();
        if (!metric.equals("euclidean") && !metric.equals("walking")) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; expected euclidean or walking");
        }
        statuses = statuses == null || statuses.isEmpty() ? Set.of(FacilityStatus.IN_SERVICE) : Set.copyOf(statuses);
        weighting = weighting == null || weighting.isBlank() ? "centroid" : weighting.trim();
        if (!weighting.equals("centroid") && !weighting.equals("area")) {
            throw new IllegalArgumentException("unknown weighting '" + weighting + "'; expected centroid or area");
        }
        districtLayer = districtLayer == null || districtLayer.isBlank() ? null : districtLayer.trim();
        zoneLayer = zoneLayer == null || zoneLayer.isBlank() ? null : zoneLayer.trim();
        if (zoneLayer != null && weighting.equals("area")) {
            throw new IllegalArgumentException("area weighting with radius zones (zoneLayer) is not supported; use "
                    + "weighting=centroid");
        }
    }

    /** The same request at another radius. */
    public CoverageRequest withRadiusMeters(double newRadiusMeters) {
        return new CoverageRequest(type, newRadiusMeters, metric, statuses, mobileAsToilets, demandLayer, weighting, asOf, districtLayer,
                zoneLayer);
    }

    /** The same request on another day's registry (null: today's). */
    public CoverageRequest withAsOf(LocalDate day) {
        return new CoverageRequest(type, radiusMeters, metric, statuses, mobileAsToilets, demandLayer, weighting, day, districtLayer, zoneLayer);
    }
}
