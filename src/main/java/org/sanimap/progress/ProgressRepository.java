package org.sanimap.progress;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Projects, facility progress, timelines and the change history in the store (portable SQL). */
@Repository
class ProgressRepository {

    private final JdbcTemplate jdbc;

    ProgressRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- projects

    long insertProject(ProjectDraft d, Instant now) {
        String sql = "INSERT INTO project (name, facility_type, target_count, districts, budget_yuan, funding_model, "
                + "responsible_unit, planned_start, planned_end, decided_on, created_at, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
        Object[] values = {d.name(), d.facilityType().code(), d.targetCount(), String.join("\n", d.districts()),
            d.budgetYuan(), d.fundingModel() == null ? null : d.fundingModel().code(), d.responsibleUnit(),
            date(d.plannedStart()), date(d.plannedEnd()), date(d.decidedOn()), Timestamp.from(now), Timestamp.from(now)};
        return insertReturningId(sql, values);
    }

    boolean updateProject(long id, ProjectDraft d, long expectedVersion, Instant now) {
        return jdbc.update("UPDATE project SET name = ?, facility_type = ?, target_count = ?, districts = ?, budget_yuan = ?, "
                + "funding_model = ?, responsible_unit = ?, planned_start = ?, planned_end = ?, decided_on = ?, updated_at = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?", d.name(), d.facilityType().code(), d.targetCount(),
                String.join("\n", d.districts()), d.budgetYuan(), d.fundingModel() == null ? null : d.fundingModel().code(),
                d.responsibleUnit(), date(d.plannedStart()), date(d.plannedEnd()), date(d.decidedOn()), Timestamp.from(now),
                id, expectedVersion) == 1;
    }

    Optional<Project> findProject(long id) {
        return jdbc.query("SELECT * FROM project WHERE id = ?", (rs, n) -> project(rs), id).stream().findFirst();
    }

    Optional<Project> findProjectByName(String name) {
        return jdbc.query("SELECT * FROM project WHERE name = ?", (rs, n) -> project(rs), name).stream().findFirst();
    }

    List<Project> projects() {
        return jdbc.query("SELECT * FROM project ORDER BY id", (rs, n) -> project(rs));
    }

    // ---- facility progress

    void saveProgress(FacilityProgress p) {
        int updated = jdbc.update("UPDATE facility_progress SET project_id = ?, progress_percent = ?, planned_start = ?, "
                + "planned_completion = ?, remark = ? WHERE facility_id = ?", p.projectId(), p.progressPercent(),
                date(p.plannedStart()), date(p.plannedCompletion()), p.remark(), p.facilityId());
        if (updated == 0) {
            jdbc.update("INSERT INTO facility_progress (facility_id, project_id, progress_percent, planned_start, "
                    + "planned_completion, remark) VALUES (?, ?, ?, ?, ?, ?)", p.facilityId(), p.projectId(),
                    p.progressPercent(), date(p.plannedStart()), date(p.plannedCompletion()), p.remark());
        }
    }

    Optional<FacilityProgress> findProgress(long facilityId) {
        return jdbc.query("SELECT * FROM facility_progress WHERE facility_id = ?", (rs, n) -> progress(rs), facilityId)
                .stream().findFirst();
    }

    List<FacilityProgress> progressOfProject(long projectId) {
        return jdbc.query("SELECT * FROM facility_progress WHERE project_id = ? ORDER BY facility_id",
                (rs, n) -> progress(rs), projectId);
    }

    /** Facilities per project id, in one query; projects without facilities are absent. */
    Map<Long, Integer> facilityCountsByProject() {
        Map<Long, Integer> out = new HashMap<>();
        jdbc.query("SELECT project_id, COUNT(*) AS n FROM facility_progress WHERE project_id IS NOT NULL GROUP BY project_id",
                rs -> {
                    out.put(rs.getLong("project_id"), rs.getInt("n"));
                });
        return out;
    }

    List<FacilityProgress> allProgress() {
        return jdbc.query("SELECT * FROM facility_progress ORDER BY facility_id", (rs, n) -> progress(rs));
    }

    // ---- timeline

    Transition insertTransition(long facilityId, FacilityStatus from, FacilityStatus to, LocalDate effectiveOn,
            String userName, String note, Instant now) {
        long id = insertReturningId("INSERT INTO facility_transition (facility_id, from_status, to_status, effective_on, "
                + "user_name, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new Object[] {facilityId,
                    from == null ? null : from.code(), to.code(), date(effectiveOn), userName, note, Timestamp.from(now)});
        return new Transition(id, facilityId, from, to, effectiveOn, userName, note, now);
    }

    /** A timeline entry to write with {@link #insertTransitions}. */
    record NewTransition(long facilityId, FacilityStatus from, FacilityStatus to, LocalDate effectiveOn, String note) {
    }

    /** Many timeline entries of one user and time, in one batch. */
    void insertTransitions(List<NewTransition> entries, String userName, Instant now) {
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (NewTransition t : entries) {
            rows.add(new Object[] {t.facilityId(), t.from() == null ? null : t.from().code(), t.to().code(),
                date(t.effectiveOn()), userName, t.note(), Timestamp.from(now)});
        }
        jdbc.batchUpdate("INSERT INTO facility_transition (facility_id, from_status, to_status, effective_on, user_name, "
                + "note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Those of {@code facilityIds} that have at least one timeline entry. */
    Set<Long> withTimeline(Collection<Long> facilityIds) {
        List<Long> all = new ArrayList<>(facilityIds);
        Set<Long> out = new HashSet<>();
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            out.addAll(jdbc.queryForList("SELECT DISTINCT facility_id FROM facility_transition WHERE facility_id IN (" + marks
                    + ")", Long.class, chunk.toArray()));
        }
        return out;
    }

    /** The timeline of a facility, oldest first (by effective date, then as recorded). */
    List<Transition> transitionsOf(long facilityId) {
        return jdbc.query("SELECT * FROM facility_transition WHERE facility_id = ? ORDER BY effective_on, id",
                (rs, n) -> transition(rs), facilityId);
    }

    /** Every timeline entry, oldest first per facility. */
    List<Transition> allTransitions() {
        return jdbc.query("SELECT * FROM facility_transition ORDER BY facility_id, effective_on, id", (rs, n) -> transition(rs));
    }

    // ---- photos

    Photo insertPhoto(long transitionId, long facilityId, String fileName, String mediaType, long sizeBytes, String sha256,
            String storageKey, String userName, Instant now) {
        long id = insertReturningId("INSERT INTO transition_photo (transition_id, facility_id, file_name, media_type, size_bytes, "
                + "sha256, storage_key, user_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new Object[] {transitionId,
                    facilityId, fileName, mediaType, sizeBytes, sha256, storageKey, userName, Timestamp.from(now)});
        return new Photo(id, transitionId, facilityId, fileName, mediaType, sizeBytes, sha256, storageKey, userName, now);
    }

    List<Photo> photosOf(long facilityId) {
        return jdbc.query("SELECT * FROM transition_photo WHERE facility_id = ? ORDER BY id", (rs, n) -> photo(rs), facilityId);
    }

    Optional<Photo> findPhoto(long id) {
        return jdbc.query("SELECT * FROM transition_photo WHERE id = ?", (rs, n) -> photo(rs), id).stream().findFirst();
    }

    private static Photo photo(ResultSet rs) throws SQLException {
        return new Photo(rs.getLong("id"), rs.getLong("transition_id"), rs.getLong("facility_id"), rs.getString("file_name"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"),
                rs.getString("user_name"), rs.getTimestamp("created_at").toInstant());
    }

    // ---- change history

    private static final String INSERT_CHANGE = "INSERT INTO change_log (entity_kind, entity_id, changed_at, user_name, "
            + "field, old_value, new_value, effective_on, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    void insertChange(String kind, long entityId, Instant at, String userName, String field, String oldValue,
            String newValue, LocalDate effectiveOn, String note) {
        jdbc.update(INSERT_CHANGE, kind, entityId, Timestamp.from(at), userName, field, clip(oldValue), clip(newValue),
                date(effectiveOn), note);
    }

    /** One field's change of an entity, with its note, for {@link #insertChanges}. */
    record FieldChange(long entityId, String field, String oldValue, String newValue, String note) {
    }

    /** Many change records of one kind, time and user, in one batch. */
    void insertChanges(String kind, List<FieldChange> changes, Instant at, String userName) {
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (FieldChange c : changes) {
            rows.add(new Object[] {kind, c.entityId(), Timestamp.from(at), userName, c.field(), clip(c.oldValue()),
                    clip(c.newValue()), null, c.note()});
        }
        jdbc.batchUpdate(INSERT_CHANGE, rows);
    }

    List<ChangeRecord> changesOf(String kind, long entityId) {
        return jdbc.query("SELECT * FROM change_log WHERE entity_kind = ? AND entity_id = ? ORDER BY id",
                (rs, n) -> change(rs), kind, entityId);
    }

    private long insertReturningId(String sql, Object[] values) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private static String clip(String value) {
        return value == null || value.length() <= 2000 ? value : value.substring(0, 1999) + "…";
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Project project(ResultSet rs) throws SQLException {
        String districts = rs.getString("districts");
        String funding = rs.getString("funding_model");
        ProjectDraft draft = new ProjectDraft(rs.getString("name"), FacilityType.fromCode(rs.getString("facility_type")),
                rs.getInt("target_count"), districts == null || districts.isEmpty() ? List.of() : Arrays.asList(districts.split("\n")),
                rs.getObject("budget_yuan", Double.class), funding == null ? null : FundingModel.fromCode(funding),
                rs.getString("responsible_unit"), localDate(rs, "planned_start"), localDate(rs, "planned_end"),
                localDate(rs, "decided_on"));
        return new Project(rs.getLong("id"), draft, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static FacilityProgress progress(ResultSet rs) throws SQLException {
        long project = rs.getLong("project_id");
        return new FacilityProgress(rs.getLong("facility_id"), rs.wasNull() ? null : project, rs.getInt("progress_percent"),
                localDate(rs, "planned_start"), localDate(rs, "planned_completion"), rs.getString("remark"));
    }

    private static Transition transition(ResultSet rs) throws SQLException {
        String from = rs.getString("from_status");
        return new Transition(rs.getLong("id"), rs.getLong("facility_id"), from == null ? null : FacilityStatus.fromCode(from),
                FacilityStatus.fromCode(rs.getString("to_status")), localDate(rs, "effective_on"), rs.getString("user_name"),
                rs.getString("note"), rs.getTimestamp("recorded_at").toInstant());
    }

    private static ChangeRecord change(ResultSet rs) throws SQLException {
        return new ChangeRecord(rs.getLong("id"), rs.getString("entity_kind"), rs.getLong("entity_id"),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("user_name"), rs.getString("field"),
                rs.getString("old_value"), rs.getString("new_value"), localDate(rs, "effective_on"), rs.getString("note"));
    }
}
