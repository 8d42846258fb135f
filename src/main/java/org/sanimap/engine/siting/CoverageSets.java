package org.sanimap.engine.siting;

import java.util.Arrays;

/**
 * Which candidate sites cover which demand units: a sparse bipartite relation holding only the pairs
 * within the service radius (never a dense demand x candidate matrix). Stored both ways, each list
 * sorted ascending without repeats. Immutable.
 */
public final class CoverageSets {

    private final int candidateCount;
    private final int[][] candidatesOfDemand;
    private final int[][] demandsOfCandidate;
    private final long pairCount;

    /**
     * @param candidateCount     number of candidate sites
     * @param candidatesOfDemand for each demand unit, the 0-based candidates that cover it (any order,
     *                           repeats allowed; copied and normalised)
     * @throws IllegalArgumentException naming the first candidate index out of range
     */
    public CoverageSets(int candidateCount, int[][] candidatesOfDemand) {
        if (candidateCount < 0) {
            throw new IllegalArgumentException("candidate count " + candidateCount + " must be >= 0");
        }
        this.candidateCount = candidateCount;
        this.candidatesOfDemand = new int[candidatesOfDemand.length][];
        int[] degree = new int[candidateCount];
        long pairs = 0;
        for (int i = 0; i < candidatesOfDemand.length; i++) {
            int[] list = Arrays.stream(candidatesOfDemand[i]).sorted().distinct().toArray();
            for (int j : list) {
                if (j < 0 || j >= candidateCount) {
                    throw new IllegalArgumentException("demand " + i + " names candidate " + j + " of " + candidateCount);
                }
                degree[j]++;
            }
            pairs += list.length;
            this.candidatesOfDemand[i] = list;
        }
        this.pairCount = pairs;
        this.demandsOfCandidate = new int[candidateCount][];
        for (int j = 0; j < candidateCount; j++) {
            demandsOfCandidate[j] = new int[degree[j]];
        }
        int[] fill = new int[candidateCount];
        for (int i = 0; i < this.candidatesOfDemand.length; i++) {
            for (int j : this.candidatesOfDemand[i]) {
                demandsOfCandidate[j][fill[j]++] = i;
            }
        }
    }

    public int demandCount() {
        return candidatesOfDemand.length;
    }

    public int candidateCount() {
        return candidateCount;
    }

    /** Number of (demand, candidate) pairs within the radius. */
    public long pairCount() {
        return pairCount;
    }

    /** The candidates covering a demand unit, ascending (a copy). */
    public int[] candidatesOf(int demand) {
        return candidatesOfDemand[demand].clone();
    }

    /** The demand units a candidate covers, ascending (a copy). */
    public int[] demandsOf(int candidate) {
        return demandsOfCandidate[candidate].clone();
    }

    /** Shared arrays for the solvers of this package, which never modify them. */
    int[][] candidatesOfDemandView() {
        return candidatesOfDemand;
    }

    int[][] demandsOfCandidateView() {
        return demandsOfCandidate;
    }

    @Override
    public String toString() {
        return "CoverageSets[" + demandCount() + " demand x " + candidateCount + " candidates, " + pairCount + " pairs]";
    }
}
