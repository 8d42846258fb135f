package org.sanimap.engine.coverage;

import java.util.List;

/**
 * A way of measuring "within the radius": straight line ({@link CoverageAnalyzer}) or along the
 * walking network ({@code org.sanimap.engine.network.WalkingCoverageAnalyzer}). Facilities are
 * prepared once per radius, then any demand set is tested against them.
 */
public interface CoverageModel {

    /** Name of the metric, e.g. {@code euclidean} or {@code walking}. */
    String metric();

    /** Indexes or searches from the facilities for one radius in metres. */
    PreparedCoverage prepare(List<FacilityPoint> facilities, double radiusMeters);

    /** Facilities prepared for one radius. */
    interface PreparedCoverage {

        /** The radius the facilities were prepared for, metres. */
        double radiusMeters();

        /** For each demand unit (by index), whether a facility is within the radius. */
        boolean[] covered(List<DemandPoint> demand);

        /** Units at least half covered count as covered: the flags of {@link #covered} from covered shares. */
        static boolean[] halfOrMore(double[] coveredShare) {
            boolean[] out = new boolean[coveredShare.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = coveredShare[i] >= 0.5;
            }
            return out;
        }

        /**
         * For each demand unit, the covered share of its population, 0 to 1. By the centroid convention
         * this is 1 for covered units and 0 otherwise; area weighting returns the covered share of the
         * cell's area.
         */
        default double[] coveredFraction(List<DemandPoint> demand) {
            boolean[] covered = covered(demand);
            double[] f = new double[covered.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = covered[i] ? 1 : 0;
            }
            return f;
        }
    }

    /** Coverage of a demand set: prepare, test, and sum up per district. */
    default CoverageResult compute(List<DemandPoint> demand, List<FacilityPoint> facilities, double radiusMeters) {
        PreparedCoverage prepared = prepare(facilities, radiusMeters);
        return CoverageResult.of(demand, prepared.coveredFraction(demand), radiusMeters);
    }
}
