package org.sanimap.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads the features of a GeoJSON file (RFC 7946: WGS84 lon/lat): a FeatureCollection, a single
 * Feature, or a bare geometry. Broken JSON or geometry rejects the file with the parser's position.
 */
final class GeoJsonFeatureSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonFeatureSource() {
    }

    static List<SourceFeature> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.newInputStream(file));
        } catch (JsonProcessingException e) {
            throw new ImportRejectedException("invalid GeoJSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr()));
        }
        if (root == null || root.isMissingNode()) {
            throw new ImportRejectedException("file is empty");
        }
        String type = root.path("type").asText("");
        List<JsonNode> features = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> {
                if (!root.path("features").isArray()) {
                    throw new ImportRejectedException("invalid GeoJSON: a FeatureCollection needs a \"features\" array");
                }
                root.path("features").forEach(features::add);
            }
            case "Feature" -> features.add(root);
            default -> throw new ImportRejectedException("invalid GeoJSON: the top-level \"type\" is '" + type
                    + "', expected FeatureCollection or Feature");
        }
        GeoJsonReader geometryReader = new GeoJsonReader();
        List<SourceFeature> result = new ArrayList<>(features.size());
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            int number = i + 1;
            if (!"Feature".equals(f.path("type").asText())) {
                errors.add("invalid GeoJSON: element " + number + " of \"features\" is not a Feature");
                continue;
            }
            Map<String, String> props = new LinkedHashMap<>();
            f.path("properties").fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    props.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            });
            JsonNode id = f.get("id");
            Geometry geometry = null;
            JsonNode g = f.get("geometry");
            if (g != null && !g.isNull()) {
                try {
                    geometry = geometryReader.read(g.toString());
                } catch (ParseException | RuntimeException e) {
                    errors.add("invalid geometry at feature " + number + ": " + e.getMessage());
                    continue;
                }
            }
            result.add(new SourceFeature(number, id == null || id.isNull() ? null : id.asText(), props, geometry));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return result;
    }
}
