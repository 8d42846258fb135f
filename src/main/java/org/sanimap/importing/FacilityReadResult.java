package org.sanimap.importing;

import java.util.List;
import org.sanimap.facility.FacilityAttributes;

/**
 * Facilities read from a file, all valid, and what was left out.
 *
 * @param facilities the validated records, in file order
 * @param skips      elements or rows left out, with their location and reason
 */
public record FacilityReadResult(List<FacilityAttributes> facilities, List<ImportSkip> skips) {

    public FacilityReadResult {
        facilities = List.copyOf(facilities);
        skips = List.copyOf(skips);
    }
}
