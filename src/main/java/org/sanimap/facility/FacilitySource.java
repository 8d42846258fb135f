package org.sanimap.facility;

import java.util.Locale;

/**
 * Where a facility record came from.
 *
 * @param kind   {@code osm}, {@code file}, {@code manual} or {@code siting} (an accepted siting proposal)
 * @param key    stable identity used to match re-imports, e.g. {@code osm:node/123456} or
 *               {@code file:toilets.csv:id=17}; null for manual records
 * @param detail human-readable provenance, e.g. {@code toilets.csv row 17}
 */
public record FacilitySource(String kind, String key, String detail) {

    public static final String OSM = "osm";
    public static final String FILE = "file";
    public static final String MANUAL = "manual";
    public static final String SITING = "siting";

    public FacilitySource {
        if (kind == null || !(kind.equals(OSM) || kind.equals(FILE) || kind.equals(MANUAL) || kind.equals(SITING))) {
            throw new IllegalArgumentException("unknown source kind '" + kind + "'; expected one of osm, file, manual, siting");
        }
        if (key != null && key.length() > 500) {
            throw new IllegalArgumentException("source key longer than 500 characters");
        }
    }

    /** A record entered by hand (map or API). */
    public static FacilitySource manual() {
        return new FacilitySource(MANUAL, null, null);
    }

    /** An OSM element, e.g. {@code osm("node", 123)} gives key {@code osm:node/123}. */
    public static FacilitySource osm(String elementType, long osmId) {
        String type = elementType.toLowerCase(Locale.ROOT);
        return new FacilitySource(OSM, "osm:" + type + "/" + osmId, "OpenStreetMap " + type + " " + osmId);
    }

    /** A row or feature of an imported file. */
    /** How the source keys of one file's records begin: {@code file:NAME:}, then {@code id=...} or the row. */
    public static String fileKeyPrefix(String fileName) {
        return FILE + ":" + fileName + ":";
    }

    public static FacilitySource file(String key, String detail) {
        return new FacilitySource(FILE, key, detail);
    }
}
