package org.sanimap.standards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sanimap.facility.FacilityType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Standard rules in the store (portable SQL). */
@Repository
class StandardsRepository {

    private final JdbcTemplate jdbc;

    StandardsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM standard_rule", Long.class);
        return n == null ? 0 : n;
    }

    List<StoredRule> all() {
        return jdbc.query("SELECT * FROM standard_rule ORDER BY facility_type, rule_kind, id", (rs, n) -> map(rs));
    }

    Optional<StoredRule> find(long id) {
        return jdbc.query("SELECT * FROM standard_rule WHERE id = ?", (rs, n) -> map(rs), id).stream().findFirst();
    }

    Optional<StoredRule> findByCode(String code) {
        return jdbc.query("SELECT * FROM standard_rule WHERE code = ?", (rs, n) -> map(rs), code).stream().findFirst();
    }

    void insert(StandardRule r, Instant now) {
        jdbc.update("INSERT INTO standard_rule (code, facility_type, rule_kind, area_class, min_value, max_value, unit, source, "
                + "confidence, active, note, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                r.code(), r.facilityType().code(), r.kind().code(), r.areaClass(), r.minValue(), r.maxValue(), r.unit(),
                r.source(), r.confidence(), r.active(), r.note(), Timestamp.from(now));
    }

    boolean update(long id, StandardRule r, long expectedVersion, Instant now) {
        return jdbc.update("UPDATE standard_rule SET code = ?, facility_type = ?, rule_kind = ?, area_class = ?, min_value = ?, "
                + "max_value = ?, unit = ?, source = ?, confidence = ?, active = ?, note = ?, updated_at = ?, version = version + 1 "
                + "WHERE id = ? AND version = ?", r.code(), r.facilityType().code(), r.kind().code(), r.areaClass(), r.minValue(),
                r.maxValue(), r.unit(), r.source(), r.confidence(), r.active(), r.note(), Timestamp.from(now), id,
                expectedVersion) == 1;
    }

    private static StoredRule map(ResultSet rs) throws SQLException {
        StandardRule rule = new StandardRule(rs.getString("code"), FacilityType.fromCode(rs.getString("facility_type")),
                RuleKind.fromCode(rs.getString("rule_kind")), rs.getString("area_class"),
                rs.getObject("min_value", Double.class), rs.getObject("max_value", Double.class), rs.getString("source"),
                rs.getString("confidence"), rs.getBoolean("active"), rs.getString("note"));
        return new StoredRule(rs.getLong("id"), rule, rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
