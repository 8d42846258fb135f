package org.sanimap.siting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.sanimap.engine.siting.SitingModel;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/**
 * A siting question as the API takes it (JSON body of {@code POST /api/siting}).
 *
 * @param type             facility type to site
 * @param model            {@code mclp} (p new sites, most people covered) or {@code lscp} (fewest sites for
 *                         a target coverage)
 * @param radiusMeters     service radius; null takes the type's active standard
 * @param p                MCLP: number of new sites (1 to 5,000)
 * @param targetCoverage   LSCP: share of all residents to be covered in the end, (0, 1]; default 1
 * @param metric           {@code euclidean} (straight line on the sphere, the default) or {@code walking}
 * @param candidates       where new sites may go; default a 100 m grid over the gaps
 * @param exclusions       GeoJSON (Feature, FeatureCollection or geometry) of polygons where no site may go
 * @param include          statuses counted as existing besides in_service; default under_construction and
 *                         completed (facilities being built are kept)
 * @param mobileAsToilets  count mobile toilets as existing toilets when siting public toilets
 * @param layer            demand layer, or null for the only one
 * @param district         a planning area's name: only its residents are served and only sites inside it
 *                         proposed (facilities outside it still count as existing); null for the whole city
 * @param districtLayer    the layer of planning areas that {@code district} and the proposals' districts come from;
 *                         null for every stored layer
 * @param timeLimitSeconds limit for the whole solve, 1 to 600; default 60
 * @param exact            false: heuristic answer only (instant, no proof); default true
 * @param districtQuotas   MCLP: the most new sites each named district may receive (a campaign's shares), in
 *                         {@code districtLayer}; districts not named are not capped; null for none
 * @param minSpacingMeters MCLP: the least distance between two new sites, and between a new site and a facility
 *                         kept (a spacing rule's minimum), metres; null for none
 * @param zoneLayer        a layer of areas named after the area classes of the type's active radius rules: residents
 *                         inside each are served within its rule's radius, the rest within {@code radiusMeters} (or the
 *                         default rule's); null for one radius everywhere
 */
public record SitingRequest(FacilityType type, SitingModel model, Double radiusMeters, Integer p, Double targetCoverage,
        String metric, Candidates candidates, JsonNode exclusions, Set<FacilityStatus> include, Boolean mobileAsToilets,
        String layer, String district, String districtLayer, Double timeLimitSeconds, Boolean exact,
        java.util.Map<String, Integer> districtQuotas, Double minSpacingMeters, String zoneLayer) {

    public static final int MAX_P = 5000;
    public static final double MAX_TIME_LIMIT_SECONDS = 600;

    public SitingRequest {
        if (type == null) {
            throw new IllegalArgumentException("type is required; expected one of " + FacilityType.codes());
        }
        if (model == null) {
            throw new IllegalArgumentException("model is required: lscp or mclp");
        }
        if (radiusMeters != null && (!(radiusMeters > 0) || radiusMeters > 100_000)) {
            throw new IllegalArgumentException("radiusMeters " + radiusMeters + " out of range (0, 100000]");
        }
        if (model == SitingModel.MCLP && (p == null || p < 1 || p > MAX_P)) {
            throw new IllegalArgumentException("p " + p + " out of range [1, " + MAX_P + "]; mclp needs the number of new sites");
        }
        targetCoverage = targetCoverage == null ? 1.0 : targetCoverage;
        if (!(targetCoverage > 0 && targetCoverage <= 1)) {
            throw new IllegalArgumentException("targetCoverage " + targetCoverage + " out of range (0, 1]");
        }
        metric = metric == null || metric.isBlank() ? "euclidean" : metric.trim();
        if (!metric.equals("euclidean") && !metric.equals("walking")) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; expected euclidean or walking");
        }
        candidates = candidates == null ? new Candidates(null, null, null) : candidates;
        include = include == null ? Set.of(FacilityStatus.UNDER_CONSTRUCTION, FacilityStatus.COMPLETED) : Set.copyOf(include);
        mobileAsToilets = mobileAsToilets == null || mobileAsToilets;
        timeLimitSeconds = timeLimitSeconds == null ? 60.0 : timeLimitSeconds;
        if (!(timeLimitSeconds >= 1 && timeLimitSeconds <= MAX_TIME_LIMIT_SECONDS)) {
            throw new IllegalArgumentException("timeLimitSeconds " + timeLimitSeconds + " out of range [1, 600]");
        }
        exact = exact == null || exact;
        district = district == null || district.isBlank() ? null : district.trim();
        districtLayer = districtLayer == null || districtLayer.isBlank() ? null : districtLayer.trim();
        zoneLayer = zoneLayer == null || zoneLayer.isBlank() ? null : zoneLayer.trim();
        if (minSpacingMeters != null) {
            if (model != SitingModel.MCLP) {
                throw new IllegalArgumentException("minSpacingMeters applies to mclp (p new sites) only");
            }
            if (!(minSpacingMeters > 0) || minSpacingMeters > 100_000) {
                throw new IllegalArgumentException("minSpacingMeters " + minSpacingMeters + " out of range (0, 100000]");
            }
        }
        if (district != null && district.length() > 200) {
            throw new IllegalArgumentException("district name longer than 200 characters");
        }
        if (districtQuotas != null) {
            if (model != SitingModel.MCLP) {
                throw new IllegalArgumentException("districtQuotas apply to mclp (p new sites) only");
            }
            if (district != null) {
                throw new IllegalArgumentException("give district (one district's own run) or districtQuotas (shares of the "
                        + "city's p sites), not both");
            }
            if (districtQuotas.isEmpty()) {
                throw new IllegalArgumentException("districtQuotas names no district");
            }
            districtQuotas.forEach((name, q) -> {
                if (q == null || q < 0 || q > MAX_P) {
                    throw new IllegalArgumentException("districtQuotas '" + name + "': " + q + " out of range [0, " + MAX_P + "]");
                }
            });
            districtQuotas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(districtQuotas));
        }
    }

    /**
     * Reads the JSON body; every bad field gives an exact message.
     *
     * @throws IllegalArgumentException naming the field and the accepted values
     */
    public static SitingRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object with type, model, ...");
        }
        java.util.Set<String> known = java.util.Set.of("type", "model", "radiusMeters", "p", "targetCoverage", "metric", "candidates",
                "exclusions", "include", "mobileAsToilets", "layer", "district", "districtLayer", "timeLimitSeconds", "exact",
                "districtQuotas", "minSpacingMeters", "zoneLayer");
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; expected " + new java.util.TreeSet<>(known));
            }
        });
        Set<FacilityStatus> include = null;
        if (body.hasNonNull("include")) {
            include = new java.util.HashSet<>();
            for (JsonNode s : body.get("include")) {
                include.add(FacilityStatus.fromCode(s.asText()));
            }
        }
        Candidates candidates = null;
        JsonNode c = body.get("candidates");
        if (c != null && !c.isNull()) {
            candidates = new Candidates(text(c, "source"), number(c, "spacingMeters"), c.get("points"));
        }
        Double p = number(body, "p");
        if (p != null && p != Math.rint(p)) {
            throw new IllegalArgumentException("p " + p + " must be a whole number");
        }
        return new SitingRequest(
                body.hasNonNull("type") ? FacilityType.fromCode(body.get("type").asText()) : null,
                body.hasNonNull("model") ? SitingModel.fromCode(body.get("model").asText()) : null,
                number(body, "radiusMeters"), p == null ? null : p.intValue(), number(body, "targetCoverage"), text(body, "metric"),
                candidates, body.get("exclusions"), include, bool(body, "mobileAsToilets"), text(body, "layer"),
                text(body, "district"), text(body, "districtLayer"), number(body, "timeLimitSeconds"), bool(body, "exact"),
                quotas(body.get("districtQuotas")), number(body, "minSpacingMeters"), text(body, "zoneLayer"));
    }

    /** {@code {"鼓楼区": 20, ...}} as district → most new sites, in the order given; null when absent. */
    private static java.util.Map<String, Integer> quotas(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("districtQuotas must be an object of district: most new sites, e.g. {\"鼓楼区\": 20}");
        }
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (!v.isIntegralNumber()) {
                throw new IllegalArgumentException("districtQuotas '" + e.getKey() + "': '" + v.asText() + "' is not a whole number");
            }
            out.put(e.getKey().trim(), v.asInt());
        });
        return out;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Double number(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " '" + v.asText() + "' is not a number");
        }
        return v.asDouble();
    }

    private static Boolean bool(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        if (!node.get(field).isBoolean()) {
            throw new IllegalArgumentException(field + " '" + node.get(field).asText() + "' is not true or false");
        }
        return node.get(field).asBoolean();
    }

    /**
     * Candidate sites.
     *
     * @param source        {@code grid} (regular grid over the gaps, default), {@code network} (walking-network
     *                      nodes near the gaps) or {@code layer} (the given points, e.g. parcels on offer)
     * @param spacingMeters grid spacing, 10 to 5,000; default 100
     * @param points        for {@code layer}: a GeoJSON FeatureCollection of points (WGS84); a feature's
     *                      {@code id} or {@code properties.id} names it
     */
    public record Candidates(String source, Double spacingMeters, JsonNode points) {
        public static final List<String> SOURCES = List.of("grid", "network", "layer");

        public Candidates {
            source = source == null || source.isBlank() ? "grid" : source.trim();
            if (!SOURCES.contains(source)) {
                throw new IllegalArgumentException("unknown candidate source '" + source + "'; expected one of " + SOURCES);
            }
            spacingMeters = spacingMeters == null ? 100.0 : spacingMeters;
            if (!(spacingMeters >= 10 && spacingMeters <= 5000)) {
                throw new IllegalArgumentException("candidate grid spacingMeters " + spacingMeters + " out of range [10, 5000]");
            }
            if (source.equals("layer") && (points == null || points.isNull())) {
                throw new IllegalArgumentException("candidate source 'layer' needs points: a GeoJSON FeatureCollection of points");
            }
        }
    }
}
