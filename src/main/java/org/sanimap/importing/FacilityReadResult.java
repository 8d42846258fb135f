package org.sanimap.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sanimap.facility.FacilityAttributes;

/**
 * Facilities read from a file, all valid, and what was left out.
 *
 * @param facilities  the validated records, in file order
 * @param statusSince for each record (same index), the date it has had its status since as the source
 *                    states it ({@code status_since}, OSM {@code start_date}); null entries where it gives none
 * @param statusStated for each record, whether the source states its status (false where the record's status is
 *                    the default of a row with none, and for OSM, which states none)
 * @param skips       elements or rows left out, with their location and reason
 */
public record FacilityReadResult(List<FacilityAttributes> facilities, List<LocalDate> statusSince, List<Boolean> statusStated,
        List<ImportSkip> skips) {

    public FacilityReadResult {
        facilities = List.copyOf(facilities);
        if (statusSince.size() != facilities.size()) {
            throw new IllegalArgumentException(statusSince.size() + " status dates for " + facilities.size() + " records");
        }
        if (statusStated.size() != facilities.size()) {
            throw new IllegalArgumentException(statusStated.size() + " status flags for " + facilities.size() + " records");
        }
        statusSince = Collections.unmodifiableList(new ArrayList<>(statusSince));
        statusStated = List.copyOf(statusStated);
        skips = List.copyOf(skips);
    }
}
