package org.sanimap.importing;

import java.util.List;
import org.sanimap.demand.DemandCell;

/**
 * Demand cells read from a file and what was left out.
 *
 * @param cells the validated cells
 * @param skips cells left out, with reasons
 */
public record DemandReadResult(List<DemandCell> cells, List<ImportSkip> skips) {

    public DemandReadResult {
        cells = List.copyOf(cells);
        skips = List.copyOf(skips);
    }
}
