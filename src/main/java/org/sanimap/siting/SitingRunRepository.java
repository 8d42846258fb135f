package org.sanimap.siting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Siting runs and the proposals accepted from them (portable SQL). A run's request and answer are kept
 * as JSON text; the primary key of an acceptance, (run, rank), keeps a proposal from going into two
 * projects, also when two planners accept it at once.
 */
@Repository
class SitingRunRepository {

    /** A run as stored; {@code answerJson} and {@code error} may be null. */
    record StoredRun(String id, Instant submittedAt, String submittedBy, String facilityType, String model,
            double timeLimitSeconds, String state, long elapsedMillis, String error, String requestJson, String answerJson) {
    }

    /**
     * How a run ended: its state, time and error (or null), and its answer (JSON, or null) with the figures
     * the history lists repeated from it (null, null, null, 0 without an answer).
     */
    record Ending(String state, long elapsedMillis, String error, String status, Double objective, Double bound,
            int proposalCount, String answerJson) {
    }

    private final JdbcTemplate jdbc;

    SitingRunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredRun r) {
        jdbc.update("INSERT INTO siting_run (id, submitted_at, submitted_by, facility_type, model, time_limit_seconds, state,"
                + " elapsed_millis, error, proposal_count, request_json, answer_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                r.id(), Timestamp.from(r.submittedAt()), r.submittedBy(), r.facilityType(), r.model(), r.timeLimitSeconds(),
                r.state(), r.elapsedMillis(), truncated(r.error()), r.requestJson(), r.answerJson());
    }

    /** Records how a run ended. */
    void finish(String id, Ending e) {
        jdbc.update("UPDATE siting_run SET state = ?, elapsed_millis = ?, error = ?, status = ?, objective = ?, bound = ?,"
                + " proposal_count = ?, answer_json = ? WHERE id = ?", e.state(), e.elapsedMillis(), truncated(e.error()), e.status(),
                e.objective(), e.bound(), e.proposalCount(), e.answerJson(), id);
    }

    Optional<StoredRun> find(String id) {
        return jdbc.query("SELECT * FROM siting_run WHERE id = ?", (rs, n) -> map(rs), id).stream().findFirst();
    }

    /** The {@code limit} latest runs, newest first, as the history lists them (no JSON read). */
    List<SitingRunSummary> latest(int limit) {
        return jdbc.query("SELECT r.id, r.state, r.submitted_at, r.submitted_by, r.facility_type, r.model, r.time_limit_seconds,"
                + " r.elapsed_millis, r.status, r.objective, r.bound, r.proposal_count, r.error,"
                + " (SELECT COUNT(*) FROM siting_acceptance a WHERE a.run_id = r.id) AS accepted"
                + " FROM siting_run r ORDER BY r.submitted_at DESC, r.id LIMIT ?", (rs, n) -> new SitingRunSummary(rs.getString("id"),
                        rs.getString("state"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"),
                        rs.getString("facility_type"), rs.getString("model"), rs.getDouble("time_limit_seconds"),
                        rs.getLong("elapsed_millis"), rs.getString("status"), nullableDouble(rs, "objective"),
                        nullableDouble(rs, "bound"), rs.getInt("proposal_count"), rs.getInt("accepted"), rs.getString("error")), limit);
    }

    /** Marks the runs still queued or running as failed with {@code error}; returns how many there were. */
    int failUnfinished(String error) {
        return jdbc.update("UPDATE siting_run SET state = 'failed', error = ? WHERE state IN ('queued', 'running')", error);
    }

    /**
     * Deletes the ended runs older than the {@code kept} latest ended ones (by submission), except those with an accepted
     * proposal; returns the ids chosen (a run accepted between the choice and the delete stays stored).
     */
    List<String> deleteBeyondLatest(int kept) {
        List<String> old = jdbc.queryForList("SELECT r.id FROM siting_run r WHERE r.state NOT IN ('queued', 'running')"
                + " AND NOT EXISTS (SELECT 1 FROM siting_acceptance a WHERE a.run_id = r.id)"
                + " AND r.id NOT IN (SELECT l.id FROM siting_run l WHERE l.state NOT IN ('queued', 'running')"
                + " ORDER BY l.submitted_at DESC, l.id LIMIT ?)", String.class, kept);
        List<String> deleted = new ArrayList<>();
        for (int from = 0; from < old.size(); from += 500) {
            List<String> chunk = old.subList(from, Math.min(old.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            // an acceptance made meanwhile keeps its run
            jdbc.update("DELETE FROM siting_run WHERE id IN (" + marks + ") AND NOT EXISTS"
                    + " (SELECT 1 FROM siting_acceptance a WHERE a.run_id = siting_run.id)", chunk.toArray());
            deleted.addAll(chunk);
        }
        return deleted;
    }

    /** Ranks of the run's proposals accepted so far, ascending. */
    Set<Integer> acceptedRanks(String runId) {
        return new TreeSet<>(jdbc.queryForList("SELECT proposal_rank FROM siting_acceptance WHERE run_id = ?", Integer.class, runId));
    }

    /**
     * Records that proposal {@code rank} went into project {@code projectId}; a second acceptance of the same
     * proposal fails with {@link org.springframework.dao.DuplicateKeyException}.
     */
    void insertAcceptance(String runId, int rank, long projectId, String userName, Instant at) {
        jdbc.update("INSERT INTO siting_acceptance (run_id, proposal_rank, project_id, user_name, accepted_at) VALUES (?, ?, ?, ?, ?)",
                runId, rank, projectId, userName, Timestamp.from(at));
    }

    private static String truncated(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static StoredRun map(ResultSet rs) throws SQLException {
        return new StoredRun(rs.getString("id"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"),
                rs.getString("facility_type"), rs.getString("model"), rs.getDouble("time_limit_seconds"), rs.getString("state"),
                rs.getLong("elapsed_millis"), rs.getString("error"), rs.getString("request_json"), rs.getString("answer_json"));
    }
}
