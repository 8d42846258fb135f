package org.sanimap.store;

/** H2GIS (embedded H2 with the H2GIS function library). */
final class H2gisSpatialSql implements SpatialSql {

    @Override
    public String vendor() {
        return "h2gis";
    }

    @Override
    public String pointFromLonLatParams() {
        return "ST_SetSRID(ST_MakePoint(CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION)), 4326)";
    }

    @Override
    public String geometryFromWkbParam() {
        return "ST_GeomFromWKB(CAST(? AS VARBINARY), 4326)";
    }

    @Override
    public String asWkb(String column) {
        return "ST_AsBinary(" + column + ")";
    }

    @Override
    public String lon(String column) {
        return "ST_X(" + column + ")";
    }

    @Override
    public String lat(String column) {
        return "ST_Y(" + column + ")";
    }

    @Override
    public String intersectsEnvelopeParams(String column) {
        // H2's && compares bounding boxes and uses the spatial (R-tree) index.
        return column + " && ST_MakeEnvelope(CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), "
                + "CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), 4326)";
    }
}
