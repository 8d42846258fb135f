package org.sanimap.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed configuration under the {@code sanimap} prefix.
 *
 * @param dataDir directory of the embedded store and other local files ({@code sanimap.data-dir})
 * @param demo    demo city loading
 * @param map     web map settings
 * @param imports import limits
 * @param network walking network
 */
@ConfigurationProperties("sanimap")
public record SanimapProperties(
        @DefaultValue("./sanimap-data") Path dataDir,
        @DefaultValue Demo demo,
        @DefaultValue Map map,
        @DefaultValue Imports imports,
        @DefaultValue Network network) {

    /**
     * @param loadOnEmptyStore load the Porto Alegre demo when the store holds no facility and no demand
     */
    public record Demo(@DefaultValue("true") boolean loadOnEmptyStore) {
    }

    /**
     * @param tiandituKey key for Tianditu tiles (天地图); the Tianditu basemap is offered only when set
     */
    public record Map(@DefaultValue("") String tiandituKey) {
    }

    /**
     * @param osmFile OSM extract (PBF or XML) of the walking network; when unset, the extract of the
     *                most recent OSM facility import is used
     */
    public record Network(Path osmFile) {
    }

    /**
     * @param maxSkipsReported how many skipped rows an import report lists in detail (all are counted)
     */
    public record Imports(@DefaultValue("1000") int maxSkipsReported) {
    }
}
