package org.sanimap.progress;

import java.time.Instant;
import java.time.LocalDate;
import org.sanimap.facility.FacilityStatus;

/**
 * One step of a facility's status timeline.
 *
 * @param id          store identifier
 * @param facilityId  the facility
 * @param from        status before, null for the first entry (the facility came into being)
 * @param to          status after
 * @param effectiveOn the date the change took effect (what replays of the past use)
 * @param userName    who recorded it
 * @param note        why or what, may be null
 * @param recordedAt  when it was recorded
 */
public record Transition(long id, long facilityId, FacilityStatus from, FacilityStatus to, LocalDate effectiveOn,
        String userName, String note, Instant recordedAt) {
}
