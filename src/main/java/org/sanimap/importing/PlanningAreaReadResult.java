package org.sanimap.importing;

import java.util.List;
import org.sanimap.demand.PlanningArea;

/**
 * District polygons read from a file and what was left out.
 *
 * @param areas the validated areas
 * @param skips features left out, with reasons
 */
public record PlanningAreaReadResult(List<PlanningArea> areas, List<ImportSkip> skips) {

    public PlanningAreaReadResult {
        areas = List.copyOf(areas);
        skips = List.copyOf(skips);
    }
}
