package org.sanimap.importing;

import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a GeoJSON or GeoPackage layer, format-neutral.
 *
 * @param number        1-based position in the layer, for messages ("at feature 3")
 * @param id            the feature's own id (GeoJSON id, GeoPackage fid), or null
 * @param properties    attribute values as text (null values left out), by attribute name
 * @param geometryWgs84 the geometry in WGS84 lon/lat, or null when the feature has none
 */
record SourceFeature(int number, String id, Map<String, String> properties, Geometry geometryWgs84) {

    /** The first present property among the names (compared case-insensitively). */
    String property(java.util.List<String> names) {
        for (String name : names) {
            for (Map.Entry<String, String> e : properties.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")
                        .equals(name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""))) {
                    return e.getValue();
                }
            }
        }
        return null;
    }
}
