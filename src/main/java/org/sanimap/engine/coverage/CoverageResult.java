package org.sanimap.engine.coverage;

import java.util.BitSet;
import java.util.List;

/**
 * The outcome of one coverage analysis. Invariants: {@code coveredPopulation <= totalPopulation},
 * {@code coveredCells <= cells}, and the per-district figures add up to the totals.
 *
 * @param radiusMeters       the service radius used, metres
 * @param totalPopulation    residents of all demand units
 * @param coveredPopulation  residents of covered units
 * @param cells              number of demand units
 * @param coveredCells       number of covered units
 * @param perDistrict        coverage per planning area, sorted by name
 * @param covered            which demand units (by input index) are covered; a copy
 */
public record CoverageResult(double radiusMeters, double totalPopulation, double coveredPopulation, int cells,
        int coveredCells, List<DistrictCoverage> perDistrict, BitSet covered) {

    /** The area name given to demand units that belong to no planning area. */
    public static final String NO_DISTRICT = "(none)";

    public CoverageResult {
        perDistrict = List.copyOf(perDistrict);
        covered = (BitSet) covered.clone();
    }

    /** Covered share of the population in percent; 0 when there is no population. */
    public double coveredPercent() {
        return totalPopulation > 0 ? 100.0 * coveredPopulation / totalPopulation : 0.0;
    }

    /** Whether the demand unit at this input index is covered. */
    public boolean isCovered(int demandIndex) {
        return covered.get(demandIndex);
    }

    @Override
    public BitSet covered() {
        return (BitSet) covered.clone();
    }
}
