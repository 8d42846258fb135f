package org.sanimap.facility;

import java.util.List;

/**
 * Facilities created in bulk by {@link FacilityService#upsertBySourceKey}, announced together inside
 * the writing transaction, so that listeners (the change history) write their records in one batch
 * and roll back with the import.
 *
 * @param created the new facilities, in the order of the records imported
 */
public record FacilitiesImported(List<Facility> created) {

    public FacilitiesImported {
        created = List.copyOf(created);
    }
}
