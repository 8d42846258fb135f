package org.sanimap.engine.coverage;

/**
 * A connected area of uncovered demand.
 *
 * @param rank            1 for the gap with the most uncovered residents
 * @param population      uncovered residents in the gap
 * @param centreLonWgs84  population-weighted centre, degrees (plain centre when the gap has no residents)
 * @param centreLatWgs84  population-weighted centre, degrees
 * @param cells           uncovered demand units in the gap
 * @param areaKm2         area of the convex hull of the units' centres, km² (0 below 3 units)
 * @param demandIndexes   input indexes of the units, ascending
 */
public record Gap(int rank, double population, double centreLonWgs84, double centreLatWgs84, int cells, double areaKm2,
        int[] demandIndexes) {

    public Gap {
        demandIndexes = demandIndexes.clone();
    }

    @Override
    public int[] demandIndexes() {
        return demandIndexes.clone();
    }
}
