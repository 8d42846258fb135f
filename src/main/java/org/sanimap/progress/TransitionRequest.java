package org.sanimap.progress;

import java.time.LocalDate;
import org.sanimap.facility.FacilityStatus;

/**
 * A status change asked for.
 *
 * @param facilityId      the facility
 * @param to              the new status
 * @param effectiveOn     when it took effect; null means today; never in the future, never before the
 *                        facility's last transition
 * @param note            why or what, may be null
 * @param progressPercent new progress percent, null to leave it (completion sets 100)
 */
public record TransitionRequest(long facilityId, FacilityStatus to, LocalDate effectiveOn, String note,
        Integer progressPercent) {

    public TransitionRequest {
        if (to == null) {
            throw new IllegalArgumentException("the new status 'to' is required; expected one of " + FacilityStatus.codes());
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > 1000) {
            throw new IllegalArgumentException("note longer than 1000 characters");
        }
    }
}
