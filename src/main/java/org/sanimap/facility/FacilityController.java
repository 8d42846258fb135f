package org.sanimap.facility;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sanimap.api.BboxParser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the registry: GeoJSON in and out. */
@RestController
@RequestMapping("/api/facilities")
@Tag(name = "facilities", description = "The facility registry as GeoJSON")
class FacilityController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final FacilityService service;

    FacilityController(FacilityService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Search facilities", description = "A GeoJSON FeatureCollection, paged (totalCount, page, size).")
    ResponseEntity<Map<String, Object>> search(
            @Parameter(description = "minLon,minLat,maxLon,maxLat in degrees WGS84") @RequestParam(required = false) String bbox,
            @Parameter(description = "facility types, comma separated") @RequestParam(required = false) List<String> type,
            @Parameter(description = "statuses, comma separated") @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String district,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + FacilityQuery.DEFAULT_PAGE_SIZE) int size) {
        FacilityQuery query = new FacilityQuery(BboxParser.parse(bbox), types(type), statuses(status),
                district == null || district.isBlank() ? null : district, page, size);
        return ResponseEntity.ok().contentType(GEO_JSON).body(FacilityGeoJson.toFeatureCollection(service.search(query)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One facility as a GeoJSON Feature; its ETag is the version")
    ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
        Facility f = service.get(id);
        return ResponseEntity.ok().contentType(GEO_JSON).eTag(etag(f)).body(FacilityGeoJson.toFeature(f));
    }

    @PostMapping
    @Operation(summary = "Create a facility from a GeoJSON Point Feature; status defaults to in_service")
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode feature) {
        FacilityGeoJson.ParsedFeature parsed = FacilityGeoJson.fromFeature(feature, FacilitySource.manual());
        Facility created = service.create(parsed.attributes());
        return ResponseEntity.created(URI.create("/api/facilities/" + created.id())).contentType(GEO_JSON)
                .eTag(etag(created)).body(FacilityGeoJson.toFeature(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a facility; needs its current version (properties.version or If-Match), else 409/428")
    ResponseEntity<Map<String, Object>> update(@PathVariable long id, @RequestBody JsonNode feature,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Facility current = service.get(id);
        FacilityGeoJson.ParsedFeature parsed = FacilityGeoJson.fromFeature(feature, current.attributes().source());
        long version = requireVersion(parsed.version(), ifMatch);
        Facility updated = service.update(id, parsed.attributes(), version);
        return ResponseEntity.ok().contentType(GEO_JSON).eTag(etag(updated)).body(FacilityGeoJson.toFeature(updated));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a facility; needs its current version (?version= or If-Match)")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Long version,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.delete(id, requireVersion(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/districts")
    @Operation(summary = "Distinct district names of the registry")
    List<String> districts() {
        return service.districts();
    }

    @GetMapping("/extent")
    @Operation(summary = "Bounding box of all facilities; 204 when the registry is empty")
    ResponseEntity<Map<String, Double>> extent() {
        return service.extentWgs84().map(e -> {
            Map<String, Double> box = new LinkedHashMap<>();
            box.put("minLon", e[0]);
            box.put("minLat", e[1]);
            box.put("maxLon", e[2]);
            box.put("maxLat", e[3]);
            return ResponseEntity.ok(box);
        }).orElseGet(() -> ResponseEntity.noContent().build());
    }

    private static String etag(Facility f) {
        return "\"" + f.version() + "\"";
    }

    private static long requireVersion(Long version, String ifMatch) {
        if (version != null) {
            return version;
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.trim().replace("W/", "").replace("\"", "");
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("If-Match '" + ifMatch + "' is not a facility version");
            }
        }
        throw new VersionRequiredException();
    }

    private static Set<FacilityType> types(List<String> codes) {
        Set<FacilityType> set = EnumSet.noneOf(FacilityType.class);
        for (String code : split(codes)) {
            set.add(FacilityType.fromCode(code));
        }
        return set;
    }

    private static Set<FacilityStatus> statuses(List<String> codes) {
        Set<FacilityStatus> set = EnumSet.noneOf(FacilityStatus.class);
        for (String code : split(codes)) {
            set.add(FacilityStatus.fromCode(code));
        }
        return set;
    }

    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

}
