package org.sanimap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.sanimap.config.SanimapProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The basemap list of the web map, from {@code maps/basemaps.json}, with configured keys filled in. */
@RestController
@Tag(name = "map", description = "Web map configuration")
class MapConfigController {

    private final JsonNode basemaps;
    private final String tiandituKey;

    MapConfigController(ObjectMapper json, SanimapProperties properties) throws IOException {
        try (InputStream in = new ClassPathResource("maps/basemaps.json").getInputStream()) {
            this.basemaps = json.readTree(in);
        }
        this.tiandituKey = properties.map().tiandituKey() == null ? "" : properties.map().tiandituKey().trim();
    }

    @GetMapping("/api/maps/basemaps")
    @Operation(summary = "Basemaps for the map; those needing a missing key are marked unavailable")
    JsonNode basemaps() {
        JsonNode copy = basemaps.deepCopy();
        for (JsonNode b : copy.path("basemaps")) {
            ObjectNode basemap = (ObjectNode) b;
            boolean needsTianditu = "tianditu".equals(basemap.path("requiresKey").asText(null));
            basemap.put("available", !needsTianditu || !tiandituKey.isEmpty());
            for (JsonNode layer : basemap.path("layers")) {
                String url = layer.path("url").asText("");
                ((ObjectNode) layer).set("url", new TextNode(needsTianditu && !tiandituKey.isEmpty()
                        ? url.replace("{key}", tiandituKey) : url));
            }
        }
        return copy;
    }
}
