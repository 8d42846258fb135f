package org.sanimap.testing;

/** Small GeoJSON texts for tests: named boxes of planning areas in a FeatureCollection. */
public final class TestGeoJson {

    private TestGeoJson() {
    }

    /** A Feature named {@code name}: the lon/lat box from (minLon, minLat) to (maxLon, maxLat). */
    public static String box(String name, double minLon, double minLat, double maxLon, double maxLat) {
        return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name + "\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[" + minLon + "," + minLat + "],[" + maxLon + "," + minLat + "],[" + maxLon + "," + maxLat
                + "],[" + minLon + "," + maxLat + "],[" + minLon + "," + minLat + "]]]}}";
    }

    /** A FeatureCollection of the features given. */
    public static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }
}
