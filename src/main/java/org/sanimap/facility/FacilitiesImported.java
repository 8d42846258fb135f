package org.sanimap.facility;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Facilities created in bulk by {@link FacilityService#upsertBySourceKey}, announced together inside
 * the writing transaction, so that listeners (the change history) write their records in one batch
 * and roll back with the import.
 *
 * @param created        the new facilities, in the order of the records imported
 * @param unchangedDated existing facilities that the import left as they were but for which its source
 *                       states a date in {@code statusSince}
 * @param statusSince    facility id → the date it has had its imported status since, as the source states
 *                       it ({@code status_since}), for facilities of the two lists; those whose source gives
 *                       no date are not in it
 */
public record FacilitiesImported(List<Facility> created, List<Facility> unchangedDated, Map<Long, LocalDate> statusSince) {

    public FacilitiesImported {
        created = List.copyOf(created);
        unchangedDated = List.copyOf(unchangedDated);
        statusSince = Map.copyOf(statusSince);
    }

    public FacilitiesImported(List<Facility> created) {
        this(created, List.of(), Map.of());
    }
}
