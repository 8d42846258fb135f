package org.sanimap.facility;

/**
 * A registry update is about to change a facility's status. Published inside the writing
 * transaction before anything is written, so that a listener (the lifecycle rules of construction
 * progress) can refuse the change by throwing; the update then writes nothing.
 *
 * @param facilityId the facility
 * @param from       its current status
 * @param to         the status the update would give it
 */
public record FacilityStatusChanging(long facilityId, FacilityStatus from, FacilityStatus to) {
}
