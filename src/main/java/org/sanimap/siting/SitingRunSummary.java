package org.sanimap.siting;

import java.time.Instant;

/**
 * One line of the siting run history ({@code GET /api/siting}).
 *
 * @param id                run id
 * @param state             {@code queued}, {@code running}, {@code done}, {@code failed} or {@code cancelled}
 * @param submittedAt       when it was asked for
 * @param submittedBy       who asked for it
 * @param type              facility type sited
 * @param model             lscp or mclp
 * @param timeLimitSeconds  the run's limit
 * @param elapsedMillis     how long it ran (so far)
 * @param status            the answer's status (optimal, feasible, infeasible), or null without an answer
 * @param objective         the answer's objective (people newly covered for MCLP, sites for LSCP), or null
 * @param bound             its proven bound, or null
 * @param proposals         proposals in the answer
 * @param accepted          proposals accepted into projects so far
 * @param error             why it failed, or null
 */
public record SitingRunSummary(String id, String state, Instant submittedAt, String submittedBy, String type, String model,
        double timeLimitSeconds, long elapsedMillis, String status, Double objective, Double bound, int proposals, int accepted,
        String error) {
}
