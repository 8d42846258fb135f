package org.sanimap.importing;

import java.util.List;
import org.sanimap.demand.PlanningArea;

/**
 * District polygons read from a file and what was left out.
 *
 * @param areas the validated areas
 * @param skips features left out, with reasons
 * @param joined polygons that shared their name with an earlier one and were joined to it
 */
public record PlanningAreaReadResult(List<PlanningArea> areas, List<ImportSkip> skips, int joined) {

    public PlanningAreaReadResult {
        areas = List.copyOf(areas);
        skips = List.copyOf(skips);
    }

    /** Areas read with none joined. */
    public PlanningAreaReadResult(List<PlanningArea> areas, List<ImportSkip> skips) {
        this(areas, skips, 0);
    }
}
