package org.sanimap.facility;

import java.time.LocalDate;

/**
 * A facility was created, changed or deleted through {@link FacilityService}. Published inside the
 * writing transaction, so that listeners (the change history) write in the same transaction. Records
 * created in bulk by imports are announced together, by {@link FacilitiesImported}.
 *
 * @param before      the facility before the change, null when it was created
 * @param after       the facility after the change, null when it was deleted
 * @param statusSince the date a status change took effect as the source states it (an import's
 *                    {@code status_since}), null when the source gives none
 */
public record FacilityChanged(Facility before, Facility after, LocalDate statusSince) {

    public FacilityChanged(Facility before, Facility after) {
        this(before, after, null);
    }

    /** Id of the facility concerned. */
    public long facilityId() {
        return after != null ? after.id() : before.id();
    }
}
