package org.sanimap.facility;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Converts facilities to and from GeoJSON (RFC 7946) Features with exact validation messages. */
final class FacilityGeoJson {

    /** Properties a client may set. */
    static final Set<String> WRITABLE = Set.of("type", "status", "name", "address", "district", "capacity",
            "toiletGrade", "openingHours", "barrierFree", "operator", "version");
    /** Properties the server sets; accepted in input (a feature read back can be sent again) and ignored. */
    static final Set<String> READ_ONLY = Set.of("id", "sizeClass", "sourceKind", "sourceKey", "sourceDetail",
            "createdAt", "updatedAt");

    private FacilityGeoJson() {
    }

    /** A feature parsed from a request: its attributes and the version it claims, if any. */
    record ParsedFeature(FacilityAttributes attributes, Long version) {
    }

    static Map<String, Object> toFeature(Facility f) {
        FacilityAttributes a = f.attributes();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", f.id());
        props.put("type", a.type().code());
        props.put("status", a.status().code());
        props.put("name", a.name());
        props.put("address", a.address());
        props.put("district", a.district());
        props.put("capacity", a.capacity());
        props.put("sizeClass", a.sizeClass().map(SizeClass::code).orElse(null));
        props.put("toiletGrade", a.toiletGrade() == null ? null : a.toiletGrade().name());
        props.put("openingHours", a.openingHours());
        props.put("barrierFree", a.barrierFree());
        props.put("operator", a.operator());
        props.put("sourceKind", a.source().kind());
        props.put("sourceKey", a.source().key());
        props.put("sourceDetail", a.source().detail());
        props.put("createdAt", f.createdAt().toString());
        props.put("updatedAt", f.updatedAt().toString());
        props.put("version", f.version());
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", f.id());
        feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(a.lonWgs84(), a.latWgs84())));
        feature.put("properties", props);
        return feature;
    }

    static Map<String, Object> toFeatureCollection(FacilityPage page) {
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", page.facilities().stream().map(FacilityGeoJson::toFeature).toList());
        fc.put("totalCount", page.totalCount());
        fc.put("page", page.page());
        fc.put("size", page.size());
        return fc;
    }

    /**
     * Parses a Feature sent by a client.
     *
     * @param body   the request body
     * @param source the provenance to give the record (manual for new ones, the stored one on update)
     * @throws IllegalArgumentException with an exact message on any problem
     */
    static ParsedFeature fromFeature(JsonNode body, FacilitySource source) {
        if (body == null || !body.isObject() || !"Feature".equals(body.path("type").asText(null))) {
            throw new IllegalArgumentException("request body must be a GeoJSON Feature with \"type\": \"Feature\"");
        }
        JsonNode geometry = body.get("geometry");
        if (geometry == null || geometry.isNull()) {
            throw new IllegalArgumentException("geometry is required: a GeoJSON Point with coordinates [longitude, latitude] in WGS84");
        }
        String geometryType = geometry.path("type").asText("");
        if (!"Point".equals(geometryType)) {
            throw new IllegalArgumentException("geometry type '" + geometryType + "' is not supported; a facility is a Point");
        }
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2
                || !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
            throw new IllegalArgumentException("geometry.coordinates must be [longitude, latitude] as numbers");
        }
        JsonNode props = body.get("properties");
        if (props == null || !props.isObject()) {
            throw new IllegalArgumentException("properties must be an object carrying at least \"type\"");
        }
        Set<String> unknown = new TreeSet<>();
        props.fieldNames().forEachRemaining(name -> {
            if (!WRITABLE.contains(name) && !READ_ONLY.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown properties " + unknown + "; accepted: " + new TreeSet<>(WRITABLE));
        }
        String type = text(props, "type");
        if (type == null) {
            throw new IllegalArgumentException("properties.type is required; expected one of " + FacilityType.codes());
        }
        String status = text(props, "status");
        String grade = text(props, "toiletGrade");
        FacilityAttributes attributes = new FacilityAttributes(
                FacilityType.fromCode(type),
                status == null ? FacilityStatus.IN_SERVICE : FacilityStatus.fromCode(status),
                text(props, "name"),
                text(props, "address"),
                text(props, "district"),
                number(props, "capacity"),
                grade == null ? null : ToiletGrade.fromCode(grade),
                text(props, "openingHours"),
                bool(props, "barrierFree"),
                text(props, "operator"),
                coordinates.get(0).asDouble(),
                coordinates.get(1).asDouble(),
                source);
        Double version = number(props, "version");
        return new ParsedFeature(attributes, version == null ? null : version.longValue());
    }

    private static String text(JsonNode props, String field) {
        JsonNode v = props.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new IllegalArgumentException("properties." + field + " must be a string");
        }
        return v.asText();
    }

    private static Double number(JsonNode props, String field) {
        JsonNode v = props.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("properties." + field + " must be a number, got " + v);
    }

    private static Boolean bool(JsonNode props, String field) {
        JsonNode v = props.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        throw new IllegalArgumentException("properties." + field + " must be true, false or null, got " + v);
    }
}
