package org.sanimap.progress;

import java.time.LocalDate;

/**
 * Construction progress of one facility.
 *
 * @param facilityId        the facility
 * @param projectId         the project it belongs to, null when none
 * @param progressPercent   0 to 100
 * @param plannedStart      planned start of construction (milestone under_construction), may be null
 * @param plannedCompletion planned completion (milestone completed), may be null
 * @param remark            free remark (备注), may be null
 */
public record FacilityProgress(long facilityId, Long projectId, int progressPercent, LocalDate plannedStart,
        LocalDate plannedCompletion, String remark) {

    public FacilityProgress {
        if (progressPercent < 0 || progressPercent > 100) {
            throw new IllegalArgumentException("progressPercent " + progressPercent + " out of range [0, 100]");
        }
        if (plannedStart != null && plannedCompletion != null && plannedCompletion.isBefore(plannedStart)) {
            throw new IllegalArgumentException("planned completion " + plannedCompletion + " is before planned start "
                    + plannedStart);
        }
        remark = remark == null || remark.isBlank() ? null : remark.strip();
        if (remark != null && remark.length() > 1000) {
            throw new IllegalArgumentException("remark longer than 1000 characters");
        }
    }

    /** No project, 0 %, no dates. */
    public static FacilityProgress none(long facilityId) {
        return new FacilityProgress(facilityId, null, 0, null, null, null);
    }
}
