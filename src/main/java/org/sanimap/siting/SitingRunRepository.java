package org.sanimap.siting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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

    private final JdbcTemplate jdbc;

    SitingRunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredRun r) {
        jdbc.update("INSERT INTO siting_run (id, submitted_at, submitted_by, facility_type, model, time_limit_seconds, state,"
                + " elapsed_millis, error, request_json, answer_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), Timestamp.from(r.submittedAt()), r.submittedBy(), r.facilityType(), r.model(), r.timeLimitSeconds(),
                r.state(), r.elapsedMillis(), r.error(), r.requestJson(), r.answerJson());
    }

    /** Records how a run ended: its state, time, error (or null) and answer (or null). */
    void finish(String id, String state, long elapsedMillis, String error, String answerJson) {
        jdbc.update("UPDATE siting_run SET state = ?, elapsed_millis = ?, error = ?, answer_json = ? WHERE id = ?", state,
                elapsedMillis, truncated(error), answerJson, id);
    }

    Optional<StoredRun> find(String id) {
        return jdbc.query("SELECT * FROM siting_run WHERE id = ?", (rs, n) -> map(rs), id).stream().findFirst();
    }

    /** The {@code limit} latest runs, newest first. */
    List<StoredRun> latest(int limit) {
        return jdbc.query("SELECT * FROM siting_run ORDER BY submitted_at DESC, id LIMIT ?", (rs, n) -> map(rs), limit);
    }

    /** Marks the runs still queued or running as failed with {@code error}; returns how many there were. */
    int failUnfinished(String error) {
        return jdbc.update("UPDATE siting_run SET state = 'failed', error = ? WHERE state IN ('queued', 'running')", error);
    }

    /** Ranks of the run's proposals accepted so far, ascending. */
    Set<Integer> acceptedRanks(String runId) {
        return new TreeSet<>(jdbc.queryForList("SELECT proposal_rank FROM siting_acceptance WHERE run_id = ?", Integer.class, runId));
    }

    /** How many of the run's proposals were accepted. */
    int acceptedCount(String runId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM siting_acceptance WHERE run_id = ?", Integer.class, runId);
        return n == null ? 0 : n;
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

    private static StoredRun map(ResultSet rs) throws SQLException {
        return new StoredRun(rs.getString("id"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"),
                rs.getString("facility_type"), rs.getString("model"), rs.getDouble("time_limit_seconds"), rs.getString("state"),
                rs.getLong("elapsed_millis"), rs.getString("error"), rs.getString("request_json"), rs.getString("answer_json"));
    }
}
