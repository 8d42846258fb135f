package org.sanimap.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanimap.store.SpatialSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Facility rows in the spatial store; geometry expressions come from {@link SpatialSql}. */
@Repository
class FacilityRepository {

    private static final String COLUMNS = "id, type, status, name, address, district, capacity, toilet_grade, "
            + "opening_hours, barrier_free, operator, source_kind, source_key, source_detail, created_at, updated_at, version";

    private final JdbcTemplate jdbc;
    private final SpatialSql spatial;
    private final String select;
    private final RowMapper<Facility> rowMapper = this::mapRow;

    FacilityRepository(JdbcTemplate jdbc, SpatialSql spatial) {
        this.jdbc = jdbc;
        this.spatial = spatial;
        this.select = "SELECT " + COLUMNS + ", " + spatial.lon("geom") + " AS lon, " + spatial.lat("geom")
                + " AS lat FROM facility";
    }

    Facility insert(FacilityAttributes a, Instant now) {
        String sql = "INSERT INTO facility (type, status, name, address, district, capacity, toilet_grade, opening_hours, "
                + "barrier_free, operator, source_kind, source_key, source_detail, geom, created_at, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + spatial.pointFromLonLatParams() + ", ?, ?, 1)";
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement(sql, new String[] {"id"});
            Object[] values = insertValues(a, now);
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        return findById(id).orElseThrow();
    }

    /** Inserts many rows in JDBC batches; returns nothing (callers count). */
    void insertAll(List<FacilityAttributes> rows, Instant now) {
        String sql = "INSERT INTO facility (type, status, name, address, district, capacity, toilet_grade, opening_hours, "
                + "barrier_free, operator, source_kind, source_key, source_detail, geom, created_at, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + spatial.pointFromLonLatParams() + ", ?, ?, 1)";
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (FacilityAttributes a : rows) {
            batch.add(insertValues(a, now));
        }
        jdbc.batchUpdate(sql, batch);
    }

    private static Object[] insertValues(FacilityAttributes a, Instant now) {
        Timestamp ts = Timestamp.from(now);
        return new Object[] {a.type().code(), a.status().code(), a.name(), a.address(), a.district(), a.capacity(),
                a.toiletGrade() == null ? null : a.toiletGrade().name(), a.openingHours(), a.barrierFree(), a.operator(),
                a.source().kind(), a.source().key(), a.source().detail(), a.lonWgs84(), a.latWgs84(), ts, ts};
    }

    /**
     * Updates a row if its version is still {@code expectedVersion}.
     *
     * @return true when updated, false when the row is gone or its version moved on
     */
    boolean update(long id, FacilityAttributes a, long expectedVersion, Instant now) {
        String sql = "UPDATE facility SET type = ?, status = ?, name = ?, address = ?, district = ?, capacity = ?, "
                + "toilet_grade = ?, opening_hours = ?, barrier_free = ?, operator = ?, source_kind = ?, source_key = ?, "
                + "source_detail = ?, geom = " + spatial.pointFromLonLatParams() + ", updated_at = ?, version = version + 1 "
                + "WHERE id = ? AND version = ?";
        return jdbc.update(sql, a.type().code(), a.status().code(), a.name(), a.address(), a.district(), a.capacity(),
                a.toiletGrade() == null ? null : a.toiletGrade().name(), a.openingHours(), a.barrierFree(), a.operator(),
                a.source().kind(), a.source().key(), a.source().detail(), a.lonWgs84(), a.latWgs84(),
                Timestamp.from(now), id, expectedVersion) == 1;
    }

    /** Deletes a row if its version is still {@code expectedVersion}; true when deleted. */
    boolean delete(long id, long expectedVersion) {
        return jdbc.update("DELETE FROM facility WHERE id = ? AND version = ?", id, expectedVersion) == 1;
    }

    Optional<Facility> findById(long id) {
        return jdbc.query(select + " WHERE id = ?", rowMapper, id).stream().findFirst();
    }

    /** The stored facilities with these source keys, by key. */
    Map<String, Facility> findBySourceKeys(Collection<String> keys) {
        Map<String, Facility> found = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            for (Facility f : jdbc.query(select + " WHERE source_key IN (" + marks + ")", rowMapper, chunk.toArray())) {
                found.put(f.attributes().source().key(), f);
            }
        }
        return found;
    }

    /** The source keys that start with {@code prefix} (taken literally, {@code _} and {@code %} included). */
    List<String> sourceKeysStartingWith(String prefix) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.queryForList("SELECT source_key FROM facility WHERE source_key LIKE ? ESCAPE '\\'", String.class, pattern);
    }

    FacilityPage search(FacilityQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.bboxWgs84() != null) {
            where.append(" AND ").append(spatial.intersectsEnvelopeParams("geom"));
            for (double v : query.bboxWgs84()) {
                args.add(v);
            }
        }
        if (!query.types().isEmpty()) {
            where.append(" AND type IN (").append(marks(query.types().size())).append(')');
            query.types().stream().map(FacilityType::code).sorted().forEach(args::add);
        }
        if (!query.statuses().isEmpty()) {
            where.append(" AND status IN (").append(marks(query.statuses().size())).append(')');
            query.statuses().stream().map(FacilityStatus::code).sorted().forEach(args::add);
        }
        if (query.district() != null) {
            where.append(" AND district = ?");
            args.add(query.district());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM facility" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<Facility> rows = jdbc.query(select + where + " ORDER BY id LIMIT ? OFFSET ?", rowMapper, pageArgs.toArray());
        return new FacilityPage(rows, total == null ? 0 : total, query.page(), query.size());
    }

    List<String> districts() {
        return jdbc.queryForList("SELECT DISTINCT district FROM facility WHERE district IS NOT NULL ORDER BY district",
                String.class);
    }

    /** minLon, minLat, maxLon, maxLat of all facilities, or empty when there are none. */
    Optional<double[]> extent() {
        return jdbc.query("SELECT MIN(" + spatial.lon("geom") + "), MIN(" + spatial.lat("geom") + "), MAX("
                + spatial.lon("geom") + "), MAX(" + spatial.lat("geom") + "), COUNT(*) FROM facility", rs -> {
                    rs.next();
                    if (rs.getLong(5) == 0) {
                        return Optional.<double[]>empty();
                    }
                    return Optional.of(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
                });
    }

    long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM facility", Long.class);
        return n == null ? 0 : n;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private Facility mapRow(ResultSet rs, int rowNum) throws SQLException {
        String grade = rs.getString("toilet_grade");
        FacilitySource source = new FacilitySource(rs.getString("source_kind"), rs.getString("source_key"),
                rs.getString("source_detail"));
        FacilityAttributes attributes = new FacilityAttributes(
                FacilityType.fromCode(rs.getString("type")),
                FacilityStatus.fromCode(rs.getString("status")),
                rs.getString("name"),
                rs.getString("address"),
                rs.getString("district"),
                (Double) rs.getObject("capacity", Double.class),
                grade == null ? null : ToiletGrade.valueOf(grade),
                rs.getString("opening_hours"),
                (Boolean) rs.getObject("barrier_free", Boolean.class),
                rs.getString("operator"),
                rs.getDouble("lon"),
                rs.getDouble("lat"),
                source);
        return new Facility(rs.getLong("id"), attributes, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
