package org.sanimap.store;

/** PostgreSQL with PostGIS. */
final class PostgisSpatialSql implements SpatialSql {

    @Override
    public String vendor() {
        return "postgis";
    }

    @Override
    public String pointFromLonLatParams() {
        return "ST_SetSRID(ST_MakePoint(?::double precision, ?::double precision), 4326)";
    }

    @Override
    public String geometryFromWkbParam() {
        return "ST_GeomFromWKB(?::bytea, 4326)";
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
        // && uses the GiST index.
        return column + " && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
    }
}
