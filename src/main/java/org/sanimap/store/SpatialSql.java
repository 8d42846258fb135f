package org.sanimap.store;

/**
 * The SQL fragments that differ between spatial databases. Feature repositories write portable SQL
 * and take every geometry expression from here, so that database-specific SQL lives only in this
 * package. All geometries are stored in WGS84 (EPSG:4326).
 */
public interface SpatialSql {

    /** Name of the store, {@code h2gis} or {@code postgis}. */
    String vendor();

    /** Expression building a WGS84 point from two parameters: longitude, then latitude. */
    String pointFromLonLatParams();

    /** Expression building a WGS84 geometry from one WKB parameter. */
    String geometryFromWkbParam();

    /** Expression reading a geometry column as WKB bytes. */
    String asWkb(String column);

    /** Expression reading the longitude (x) of a point column. */
    String lon(String column);

    /** Expression reading the latitude (y) of a point column. */
    String lat(String column);

    /**
     * Predicate true when the bounding box of the column intersects an envelope given by four
     * parameters: minLon, minLat, maxLon, maxLat (served by the spatial index).
     */
    String intersectsEnvelopeParams(String column);
}
