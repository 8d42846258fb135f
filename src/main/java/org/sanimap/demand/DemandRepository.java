package org.sanimap.demand;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sanimap.facility.UpsertCounts;
import org.sanimap.store.SpatialSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Demand cells and planning areas in the spatial store. */
@Repository
class DemandRepository {

    private final JdbcTemplate jdbc;
    private final SpatialSql spatial;

    DemandRepository(JdbcTemplate jdbc, SpatialSql spatial) {
        this.jdbc = jdbc;
        this.spatial = spatial;
    }

    long layerId(String name, String sourceDetail, Instant now) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM demand_layer WHERE name = ?", Long.class, name);
        if (!ids.isEmpty()) {
            jdbc.update("UPDATE demand_layer SET source_detail = ?, updated_at = ? WHERE id = ?", sourceDetail,
                    Timestamp.from(now), ids.get(0));
            return ids.get(0);
        }
        jdbc.update("INSERT INTO demand_layer (name, source_detail, created_at, updated_at) VALUES (?, ?, ?, ?)", name,
                sourceDetail, Timestamp.from(now), Timestamp.from(now));
        return jdbc.queryForObject("SELECT id FROM demand_layer WHERE name = ?", Long.class, name);
    }

    UpsertCounts upsertCells(long layerId, List<DemandCell> cells) {
        Map<String, DemandCell> existing = new HashMap<>();
        jdbc.query("SELECT cell_key, population, " + spatial.lon("geom") + " AS lon, " + spatial.lat("geom") + " AS lat, "
                + spatial.asWkb("area_geom") + " AS area FROM demand_cell WHERE layer_id = ?", rs -> {
                    DemandCell c = mapCell(rs);
                    existing.put(c.key(), c);
                }, layerId);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        int unchanged = 0;
        WKBWriter wkb = new WKBWriter();
        for (DemandCell c : cells) {
            DemandCell old = existing.get(c.key());
            byte[] area = c.areaWgs84() == null ? null : wkb.write(c.areaWgs84());
            if (old == null) {
                inserts.add(new Object[] {layerId, c.key(), c.population(), c.lonWgs84(), c.latWgs84(), area});
            } else if (sameCell(old, c)) {
                unchanged++;
            } else {
                updates.add(new Object[] {c.population(), c.lonWgs84(), c.latWgs84(), area, layerId, c.key()});
            }
        }
        jdbc.batchUpdate("INSERT INTO demand_cell (layer_id, cell_key, population, geom, area_geom) VALUES (?, ?, ?, "
                + spatial.pointFromLonLatParams() + ", " + spatial.geometryFromWkbParam() + ")", inserts);
        jdbc.batchUpdate("UPDATE demand_cell SET population = ?, geom = " + spatial.pointFromLonLatParams()
                + ", area_geom = " + spatial.geometryFromWkbParam() + " WHERE layer_id = ? AND cell_key = ?", updates);
        // the file is the layer: cells it no longer holds go
        java.util.Set<String> kept = new java.util.HashSet<>();
        cells.forEach(c -> kept.add(c.key()));
        List<Object[]> removals = existing.keySet().stream().filter(k -> !kept.contains(k))
                .map(k -> new Object[] {layerId, k}).toList();
        jdbc.batchUpdate("DELETE FROM demand_cell WHERE layer_id = ? AND cell_key = ?", removals);
        return new UpsertCounts(inserts.size(), updates.size(), unchanged, removals.size());
    }

    private static boolean sameCell(DemandCell a, DemandCell b) {
        return a.population() == b.population() && a.lonWgs84() == b.lonWgs84() && a.latWgs84() == b.latWgs84()
                && Objects.equals(a.areaWgs84() == null ? null : a.areaWgs84().norm(),
                        b.areaWgs84() == null ? null : b.areaWgs84().norm());
    }

    List<DemandCell> cells(String layerName, double[] bboxWgs84) {
        StringBuilder sql = new StringBuilder("SELECT c.cell_key, c.population, " + spatial.lon("c.geom") + " AS lon, "
                + spatial.lat("c.geom") + " AS lat, " + spatial.asWkb("c.area_geom")
                + " AS area FROM demand_cell c JOIN demand_layer l ON l.id = c.layer_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (layerName != null) {
            sql.append(" AND l.name = ?");
            args.add(layerName);
        }
        if (bboxWgs84 != null) {
            sql.append(" AND ").append(spatial.intersectsEnvelopeParams("c.geom"));
            for (double v : bboxWgs84) {
                args.add(v);
            }
        }
        sql.append(" ORDER BY c.id");
        return jdbc.query(sql.toString(), (rs, n) -> mapCell(rs), args.toArray());
    }

    List<DemandLayerSummary> layers() {
        return jdbc.query("SELECT l.name, l.source_detail, COUNT(c.id) AS n, COALESCE(SUM(c.population), 0) AS pop "
                + "FROM demand_layer l LEFT JOIN demand_cell c ON c.layer_id = l.id "
                + "GROUP BY l.id, l.name, l.source_detail ORDER BY l.name",
                (rs, n) -> new DemandLayerSummary(rs.getString("name"), rs.getString("source_detail"), rs.getLong("n"),
                        rs.getDouble("pop")));
    }

    UpsertCounts upsertAreas(String layer, List<PlanningArea> areas, Instant now) {
        Map<String, Geometry> existing = new HashMap<>();
        jdbc.query("SELECT name, " + spatial.asWkb("geom") + " AS g FROM planning_area WHERE layer = ?",
                rs -> {
                    existing.put(rs.getString("name"), readWkb(rs.getBytes("g")));
                }, layer);
        WKBWriter wkb = new WKBWriter();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (PlanningArea a : areas) {
            Geometry old = existing.get(a.name());
            if (old == null) {
                jdbc.update("INSERT INTO planning_area (layer, name, geom, updated_at) VALUES (?, ?, "
                        + spatial.geometryFromWkbParam() + ", ?)", layer, a.name(), wkb.write(a.areaWgs84()), Timestamp.from(now));
                created++;
            } else if (old.norm().equalsExact(a.areaWgs84().norm())) {
                unchanged++;
            } else {
                jdbc.update("UPDATE planning_area SET geom = " + spatial.geometryFromWkbParam()
                        + ", updated_at = ? WHERE layer = ? AND name = ?", wkb.write(a.areaWgs84()), Timestamp.from(now), layer, a.name());
                updated++;
            }
        }
        // the file is the layer: areas it no longer holds go
        java.util.Set<String> kept = new java.util.HashSet<>();
        areas.forEach(a -> kept.add(a.name()));
        List<Object[]> removals = existing.keySet().stream().filter(n -> !kept.contains(n))
                .map(n -> new Object[] {layer, n}).toList();
        jdbc.batchUpdate("DELETE FROM planning_area WHERE layer = ? AND name = ?", removals);
        return new UpsertCounts(created, updated, unchanged, removals.size());
    }

    /** Deletes a demand layer with its cells (the cells go by the foreign key's cascade); false when there is none. */
    boolean deleteLayer(String name) {
        return jdbc.update("DELETE FROM demand_layer WHERE name = ?", name) > 0;
    }

    List<PlanningAreaLayerSummary> areaLayers() {
        return jdbc.query("SELECT layer, COUNT(*) AS n FROM planning_area GROUP BY layer ORDER BY layer",
                (rs, n) -> new PlanningAreaLayerSummary(rs.getString("layer"), rs.getLong("n")));
    }

    /** Deletes the planning areas of a layer; returns how many went. */
    int deleteAreaLayer(String layer) {
        return jdbc.update("DELETE FROM planning_area WHERE layer = ?", layer);
    }

    /** The planning areas' names, without their polygons. */
    List<String> areaNames() {
        return jdbc.queryForList("SELECT DISTINCT name FROM planning_area", String.class);
    }

    /** The planning areas of one layer, by name. */
    List<PlanningArea> areas(String layer) {
        return jdbc.query("SELECT name, " + spatial.asWkb("geom") + " AS g FROM planning_area WHERE layer = ? ORDER BY name",
                (rs, n) -> new PlanningArea(rs.getString("name"), readWkb(rs.getBytes("g"))), layer);
    }

    List<NamedArea> areas() {
        return jdbc.query("SELECT layer, name, " + spatial.asWkb("geom") + " AS g FROM planning_area ORDER BY layer, name",
                (rs, n) -> new NamedArea(rs.getString("layer"), new PlanningArea(rs.getString("name"), readWkb(rs.getBytes("g")))));
    }

    private static DemandCell mapCell(ResultSet rs) throws SQLException {
        byte[] area = rs.getBytes("area");
        return new DemandCell(rs.getString("cell_key"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getDouble("population"),
                area == null ? null : readWkb(area));
    }

    private static Geometry readWkb(byte[] bytes) {
        try {
            Geometry g = new WKBReader().read(bytes);
            g.setSRID(4326);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry is not valid WKB", e);
        }
    }

    /** A planning area with the layer it belongs to. */
    record NamedArea(String layer, PlanningArea area) {
    }
}
