package org.sanimap.engine.siting;

import java.util.Arrays;

/**
 * A siting problem on fixed data: weighted demand units, the candidate sites that could cover each
 * (the coverage relation at the service radius and metric of the study), and which demand units the
 * facilities that already exist or are being built cover. Existing facilities stay where they are:
 * the demand they cover counts as covered and no new site is needed for it.
 *
 * <p>Demand units of weight 0 need no coverage (an empty cell needs no toilet). Weights are people
 * (or any non-negative measure of demand).
 *
 * @param demandWeights     weight of each demand unit, finite and non-negative
 * @param coverage          which candidates cover which demand units
 * @param coveredByExisting for each demand unit, whether an existing facility already covers it
 */
public record SitingProblem(double[] demandWeights, CoverageSets coverage, boolean[] coveredByExisting) {

    public SitingProblem {
        if (coverage.demandCount() != demandWeights.length) {
            throw new IllegalArgumentException(demandWeights.length + " demand weights but coverage for " + coverage.demandCount());
        }
        if (coveredByExisting.length != demandWeights.length) {
            throw new IllegalArgumentException(demandWeights.length + " demand weights but " + coveredByExisting.length + " existing-coverage flags");
        }
        for (int i = 0; i < demandWeights.length; i++) {
            if (!(demandWeights[i] >= 0) || Double.isInfinite(demandWeights[i])) {
                throw new IllegalArgumentException("demand weight " + demandWeights[i] + " of demand unit " + i + " must be a finite number >= 0");
            }
        }
        demandWeights = demandWeights.clone();
        coveredByExisting = coveredByExisting.clone();
    }

    /** A problem with no existing facility. */
    public static SitingProblem withoutExisting(double[] demandWeights, CoverageSets coverage) {
        return new SitingProblem(demandWeights, coverage, new boolean[demandWeights.length]);
    }

    /**
     * A problem whose existing facilities cover the demand units that {@code existingCoverage} (the
     * existing facilities as "candidates", same demand, radius and metric) gives them.
     */
    public static SitingProblem withExisting(double[] demandWeights, CoverageSets coverage, CoverageSets existingCoverage) {
        boolean[] covered = new boolean[demandWeights.length];
        for (int i = 0; i < covered.length; i++) {
            covered[i] = existingCoverage.candidatesOfDemandView()[i].length > 0;
        }
        return new SitingProblem(demandWeights, coverage, covered);
    }

    /**
     * The gaps candidates are generated over: indexes of the demand units of positive weight that no
     * existing facility covers ({@code existingCoverage}: the existing facilities as "candidates").
     */
    public static int[] gaps(double[] demandWeights, CoverageSets existingCoverage) {
        return java.util.stream.IntStream.range(0, demandWeights.length)
                .filter(i -> demandWeights[i] > 0 && existingCoverage.candidatesOfDemandView()[i].length == 0).toArray();
    }

    public int demandCount() {
        return demandWeights.length;
    }

    public int candidateCount() {
        return coverage.candidateCount();
    }

    /** Sum of all demand weights. */
    public double totalWeight() {
        return Arrays.stream(demandWeights).sum();
    }

    /** Weight the existing facilities already cover. */
    public double existingCoveredWeight() {
        double sum = 0;
        for (int i = 0; i < demandWeights.length; i++) {
            if (coveredByExisting[i]) {
                sum += demandWeights[i];
            }
        }
        return sum;
    }

    @Override
    public double[] demandWeights() {
        return demandWeights.clone();
    }

    @Override
    public boolean[] coveredByExisting() {
        return coveredByExisting.clone();
    }

    double weight(int demand) {
        return demandWeights[demand];
    }

    boolean isCoveredByExisting(int demand) {
        return coveredByExisting[demand];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SitingProblem other && Arrays.equals(demandWeights, other.demandWeights)
                && coverage == other.coverage && Arrays.equals(coveredByExisting, other.coveredByExisting);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(demandWeights) * 31 + System.identityHashCode(coverage);
    }

    @Override
    public String toString() {
        return "SitingProblem[" + demandWeights.length + " demand units, " + coverage.candidateCount() + " candidates]";
    }
}
