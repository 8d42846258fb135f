package org.sanimap.engine.coverage;

import java.util.Arrays;
import java.util.List;

/**
 * One coverage study as a bureau asks for it: demand put into planning areas, covered population
 * overall and per area, and the largest gaps. The command line and the API both run this, so they
 * give the same numbers.
 *
 * <p>Gaps join uncovered units closer than max(radius, 1.5 × the median nearest-neighbour spacing of
 * the demand units), so that neighbouring cells of a regular grid always join whatever its spacing.
 */
public final class CoverageStudy {

    private final CoverageModel model;

    /** @param model straight-line or walking */
    public CoverageStudy(CoverageModel model) {
        this.model = model;
    }

    /**
     * @param demand       demand units (their district is replaced by the area they fall in)
     * @param facilities   facilities that count
     * @param areas        planning areas; none means the whole extent is one area
     * @param radiusMeters service radius, metres
     * @param maxGaps      how many of the largest gaps to keep
     */
    public Result run(List<DemandPoint> demand, List<FacilityPoint> facilities, List<DistrictAssigner.NamedArea> areas,
            double radiusMeters, int maxGaps) {
        long t0 = System.nanoTime();
        List<DemandPoint> assigned = new DistrictAssigner(areas).assign(demand);
        CoverageModel.PreparedCoverage prepared = model.prepare(facilities, radiusMeters);
        long t1 = System.nanoTime();
        CoverageResult coverage = CoverageResult.of(assigned, prepared.coveredFraction(assigned), radiusMeters);
        long t2 = System.nanoTime();
        double link = Math.max(radiusMeters, 1.5 * medianSpacingMeters(assigned));
        List<Gap> gaps = link > 0 ? new GapFinder(link).find(assigned, coverage) : List.of();
        long t3 = System.nanoTime();
        DensitySpacingAnalyzer ds = new DensitySpacingAnalyzer();
        LocalPlane plane = new LocalPlane(centre(demand, true), centre(demand, false));
        List<DensitySpacingAnalyzer.DistrictDensity> density = ds.density(facilities, areas, assigned, plane);
        DensitySpacingAnalyzer.Spacing spacing = ds.spacing(facilities);
        return new Result(assigned, coverage, gaps.subList(0, Math.min(maxGaps, gaps.size())), gaps.size(), link,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, density, spacing);
    }

    private static double centre(List<DemandPoint> demand, boolean lon) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (DemandPoint d : demand) {
            double v = lon ? d.lonWgs84() : d.latWgs84();
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return demand.isEmpty() ? 0 : (min + max) / 2;
    }

    /** Median distance from a unit to its nearest other unit, over up to 2,000 evenly picked units. */
    static double medianSpacingMeters(List<DemandPoint> demand) {
        int n = demand.size();
        if (n < 2) {
            return 0;
        }
        int samples = Math.min(n, 2000);
        double[] nearest = new double[samples];
        for (int s = 0; s < samples; s++) {
            DemandPoint a = demand.get((int) ((long) s * n / samples));
            double best = Double.POSITIVE_INFINITY;
            for (int s2 = 0; s2 < samples; s2++) {
                DemandPoint b = demand.get((int) ((long) s2 * n / samples));
                if (a != b) {
                    best = Math.min(best, GreatCircle.distanceMeters(a.lonWgs84(), a.latWgs84(), b.lonWgs84(), b.latWgs84()));
                }
            }
            nearest[s] = best;
        }
        Arrays.sort(nearest);
        return nearest[samples / 2];
    }

    /**
     * @param demand          the demand with districts assigned, in input order
     * @param coverage        covered population overall and per district
     * @param largestGaps     the largest gaps, ranked
     * @param gapCount        how many gaps there are in all
     * @param gapLinkMeters   the distance that joined uncovered units into gaps
     * @param buildMillis     district assignment and facility index
     * @param computeMillis   the coverage computation
     * @param gapsMillis      gap clustering
     * @param density         facilities per km² per planning area
     * @param spacing         nearest-neighbour spacing of the facilities
     */
    public record Result(List<DemandPoint> demand, CoverageResult coverage, List<Gap> largestGaps, int gapCount,
            double gapLinkMeters, long buildMillis, long computeMillis, long gapsMillis,
            List<DensitySpacingAnalyzer.DistrictDensity> density, DensitySpacingAnalyzer.Spacing spacing) {

        public Result {
            demand = List.copyOf(demand);
            largestGaps = List.copyOf(largestGaps);
            density = List.copyOf(density);
        }
    }
}
