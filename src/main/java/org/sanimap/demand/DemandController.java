package org.sanimap.demand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.sanimap.api.BboxParser;
import org.sanimap.facility.DistrictFill;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only GeoJSON of demand cells and planning areas, for the map. */
@RestController
@Tag(name = "demand", description = "Population cells and districts")
class DemandController {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final DemandService service;
    private final ObjectMapper json;

    DemandController(DemandService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @GetMapping("/api/demand")
    @Operation(summary = "Demand cells as GeoJSON points (centre) with their population")
    ResponseEntity<Map<String, Object>> cells(@RequestParam(required = false) String layer,
            @RequestParam(required = false) String bbox) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (DemandCell c : service.cells(layer == null || layer.isBlank() ? null : layer, BboxParser.parse(bbox))) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", c.key());
            props.put("population", c.population());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("id", c.key());
            f.put("geometry", Map.of("type", "Point", "coordinates", List.of(c.lonWgs84(), c.latWgs84())));
            f.put("properties", props);
            features.add(f);
        }
        return ResponseEntity.ok().contentType(GEO_JSON).body(collection(features));
    }

    @GetMapping("/api/demand/layers")
    @Operation(summary = "Stored demand layers with cell count and total population")
    List<DemandLayerSummary> layers() {
        return service.layers();
    }

    @DeleteMapping("/api/demand/layers/{name}")
    @Operation(summary = "Delete a demand layer with its cells")
    ResponseEntity<Void> deleteLayer(@PathVariable String name) {
        service.deleteLayer(name);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/districts/layers")
    @Operation(summary = "Stored layers of planning areas (districts) with their area counts")
    List<PlanningAreaLayerSummary> districtLayers() {
        return service.planningAreaLayers();
    }

    @DeleteMapping("/api/districts/layers/{name}")
    @Operation(summary = "Delete a layer of planning areas (districts)")
    ResponseEntity<Void> deleteDistrictLayer(@PathVariable String name) {
        service.deletePlanningAreaLayer(name);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/districts/at")
    @Operation(summary = "The district at a position, in the layer given or the only stored one (null when none holds it)")
    Map<String, Object> districtAt(@RequestParam double lon, @RequestParam double lat,
            @RequestParam(required = false) String layer) {
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude " + lon + " out of range [-180, 180]");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude " + lat + " out of range [-90, 90]");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        java.util.Optional<String> chosen = service.layerForFacilityDistricts(layer);
        out.put("layer", chosen.orElse(null));
        out.put("district", chosen.map(l -> service.assigner(l).districtOf(lon, lat)).orElse(null));
        return out;
    }

    @PostMapping("/api/districts/layers/{name}/assign-facilities")
    @Operation(summary = "Give every facility that names no district the district of this layer it lies in")
    DistrictFill assignFacilities(@PathVariable String name) {
        return service.assignFacilityDistricts(name);
    }

    @Operation(summary = "The planning areas' (districts') names, sorted, without their polygons")
    @GetMapping("/api/districts/names")
    List<String> districtNames(@RequestParam(required = false) String layer) {
        if (layer == null || layer.isBlank()) {
            return service.planningAreaNames();
        }
        return service.planningAreas(layer.trim()).stream().map(PlanningArea::name).distinct().sorted().toList();
    }

    @GetMapping("/api/districts")
    @Operation(summary = "Planning areas (districts) as GeoJSON polygons")
    ResponseEntity<Map<String, Object>> districts(@RequestParam(required = false) String layer) throws Exception {
        GeoJsonWriter writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        List<Map<String, Object>> features = new ArrayList<>();
        for (PlanningArea a : service.planningAreas(layer == null || layer.isBlank() ? null : layer.trim())) {
            JsonNode geometry = json.readTree(writer.write(a.areaWgs84()));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("geometry", geometry);
            f.put("properties", Map.of("name", a.name()));
            features.add(f);
        }
        return ResponseEntity.ok().contentType(GEO_JSON).body(collection(features));
    }

    private static Map<String, Object> collection(List<Map<String, Object>> features) {
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }
}
