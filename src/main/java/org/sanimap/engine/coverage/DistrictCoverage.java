package org.sanimap.engine.coverage;

/**
 * Coverage inside one planning area.
 *
 * @param district           the area's name ({@link CoverageResult#NO_DISTRICT} for demand without one)
 * @param coveredPopulation  residents within the radius of a facility
 * @param totalPopulation    all residents of the area
 * @param cells              demand units in the area
 * @param coveredCells       covered demand units
 */
public record DistrictCoverage(String district, double coveredPopulation, double totalPopulation, int cells,
        int coveredCells) {

    /** Covered share of the population in percent, 0 when the area has no residents. */
    public double coveredPercent() {
        return totalPopulation > 0 ? 100.0 * coveredPopulation / totalPopulation : 0.0;
    }

    /** Residents outside every facility's radius. */
    public double uncoveredPopulation() {
        return totalPopulation - coveredPopulation;
    }
}
