package org.sanimap.importing;

import java.util.Arrays;
import java.util.stream.Collectors;

/** File formats the importer reads. */
public enum ImportFormat {
    OSM_PBF("osm-pbf"),
    OSM_XML("osm-xml"),
    CSV("csv"),
    GEOJSON("geojson"),
    GPKG("gpkg");

    private final String code;

    ImportFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException naming the bad value and the accepted ones */
    public static ImportFormat fromCode(String code) {
        for (ImportFormat f : values()) {
            if (f.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown import format '" + code + "'; expected one of " + codes());
    }

    public static String codes() {
        return Arrays.stream(values()).map(ImportFormat::code).collect(Collectors.joining(", "));
    }
}
