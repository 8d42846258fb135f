package org.sanimap.siting;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The state of one siting run, as {@code GET /api/siting/{id}} shows it.
 *
 * @param id               run id
 * @param state            {@code queued}, {@code running}, {@code done}, {@code failed} or {@code cancelled}
 * @param phase            what the optimizer is doing (reducing, heuristic, exact search, done)
 * @param submittedAt      when it was asked for
 * @param submittedBy      who asked for it
 * @param elapsedMillis    time since it started (0 while queued)
 * @param timeLimitSeconds the run's limit
 * @param objective        best objective so far (people newly covered for MCLP, sites for LSCP), or null
 * @param bound            best proven bound so far, or null
 * @param error            why it failed, or null
 * @param request          the request body as it was posted
 * @param result           the answer once done (or cancelled with an answer), else null
 */
public record SitingJob(String id, String state, String phase, Instant submittedAt, String submittedBy, long elapsedMillis,
        double timeLimitSeconds, Double objective, Double bound, String error, JsonNode request, SitingAnswer result) {
}
