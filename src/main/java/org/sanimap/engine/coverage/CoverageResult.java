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

    /** Sums up covered flags (by demand index) overall and per district. */
    public static CoverageResult of(List<DemandPoint> demand, boolean[] covered, double radiusMeters) {
        double[] fraction = new double[covered.length];
        for (int i = 0; i < fraction.length; i++) {
            fraction[i] = covered[i] ? 1 : 0;
        }
        return of(demand, fraction, radiusMeters);
    }

    /**
     * Sums up covered shares (0 to 1 by demand index): covered population = Σ share·population; a unit
     * counts as a covered cell (and in {@link #covered()}) when at least half of it is covered.
     */
    public static CoverageResult of(List<DemandPoint> demand, double[] coveredShare, double radiusMeters) {
        int n = demand.size();
        BitSet bits = new BitSet(n);
        double total = 0;
        double coveredPopulation = 0;
        int coveredCells = 0;
        java.util.TreeMap<String, double[]> districts = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            DemandPoint d = demand.get(i);
            String name = d.district() == null ? NO_DISTRICT : d.district();
            double[] acc = districts.computeIfAbsent(name, k -> new double[4]);
            total += d.population();
            acc[1] += d.population();
            acc[2]++;
            double share = coveredShare[i];
            coveredPopulation += share * d.population();
            acc[0] += share * d.population();
            if (share >= 0.5) {
                bits.set(i);
                coveredCells++;
                acc[3]++;
            }
        }
        List<DistrictCoverage> perDistrict = new java.util.ArrayList<>(districts.size());
        districts.forEach((name, acc) -> perDistrict.add(new DistrictCoverage(name, acc[0], acc[1], (int) acc[2], (int) acc[3])));
        return new CoverageResult(radiusMeters, total, coveredPopulation, n, coveredCells, perDistrict, bits);
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
