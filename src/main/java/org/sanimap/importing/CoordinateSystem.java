package org.sanimap.importing;

import java.util.Locale;
import org.sanimap.engine.crs.ChineseCoordinateConverter;
import org.sanimap.engine.crs.LonLat;

/**
 * Coordinate system of longitude/latitude columns in an imported file. Everything is stored in WGS84.
 * CGCS2000 (EPSG:4490) differs from WGS84 by a few centimetres and is taken as is.
 */
public enum CoordinateSystem {
    WGS84,
    CGCS2000,
    GCJ02,
    BD09;

    /** Converts one position to WGS84 (degrees). */
    public LonLat toWgs84(double lon, double lat) {
        return switch (this) {
            case WGS84, CGCS2000 -> new LonLat(lon, lat);
            case GCJ02 -> ChineseCoordinateConverter.gcj02ToWgs84(lon, lat);
            case BD09 -> ChineseCoordinateConverter.bd09ToWgs84(lon, lat);
        };
    }

    /**
     * Parses wgs84, epsg:4326, 4326, cgcs2000, epsg:4490, 4490, gcj02, gcj-02, bd09, bd-09.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static CoordinateSystem fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (c) {
            case "wgs84", "epsg:4326", "4326" -> WGS84;
            case "cgcs2000", "epsg:4490", "4490" -> CGCS2000;
            case "gcj02", "amap", "gaode", "tencent" -> GCJ02;
            case "bd09", "baidu" -> BD09;
            default -> throw new IllegalArgumentException("unknown coordinate system '" + code
                    + "'; expected one of wgs84, cgcs2000, gcj02, bd09");
        };
    }
}
