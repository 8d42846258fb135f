package org.sanimap.engine.siting;

import java.util.Arrays;
import java.util.List;

/**
 * Caps on the number of new sites per group of candidates, as a campaign hands each district its share
 * ("鼓楼区 builds at most 20 of the 80 toilets"): the MCLP then maximises covered demand with at most p
 * new sites in all and at most {@code maxNewSites[g]} among the candidates of group g. Candidates of
 * group -1 have no cap of their own. The model (Church and ReVelle 1974 with side constraints):
 * max Σ w_i y_i s.t. y_i ≤ Σ_{j∈N_i} x_j, Σ_j x_j ≤ p, Σ_{j∈G_g} x_j ≤ q_g, x binary, 0 ≤ y ≤ 1.
 *
 * @param groupOfCandidate for each candidate (by index), its group, or -1 for none
 * @param maxNewSites      for each group, the most new sites it may receive, ≥ 0
 * @param groupNames       for each group, its name (e.g. the district), for messages
 */
public record SitingQuotas(int[] groupOfCandidate, int[] maxNewSites, List<String> groupNames) {

    public SitingQuotas {
        groupOfCandidate = groupOfCandidate.clone();
        maxNewSites = maxNewSites.clone();
        groupNames = List.copyOf(groupNames);
        if (groupNames.size() != maxNewSites.length) {
            throw new IllegalArgumentException(groupNames.size() + " group names for " + maxNewSites.length + " quotas");
        }
        for (int g = 0; g < maxNewSites.length; g++) {
            if (maxNewSites[g] < 0) {
                throw new IllegalArgumentException("quota of " + groupNames.get(g) + " is " + maxNewSites[g] + "; it must be >= 0");
            }
        }
        for (int j = 0; j < groupOfCandidate.length; j++) {
            if (groupOfCandidate[j] < -1 || groupOfCandidate[j] >= maxNewSites.length) {
                throw new IllegalArgumentException("candidate " + j + " is in group " + groupOfCandidate[j] + " of "
                        + maxNewSites.length);
            }
        }
    }

    /** The group of candidate j, -1 for none. */
    public int groupOf(int candidate) {
        return groupOfCandidate[candidate];
    }

    /** How many new sites the candidates allow at most: the uncapped ones, plus each group's up to its cap. */
    public long placeable() {
        int[] inGroup = new int[maxNewSites.length];
        long free = 0;
        for (int g : groupOfCandidate) {
            if (g < 0) {
                free++;
            } else {
                inGroup[g]++;
            }
        }
        long sum = free;
        for (int g = 0; g < inGroup.length; g++) {
            sum += Math.min(inGroup[g], maxNewSites[g]);
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SitingQuotas q && Arrays.equals(groupOfCandidate, q.groupOfCandidate)
                && Arrays.equals(maxNewSites, q.maxNewSites) && groupNames.equals(q.groupNames);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(groupOfCandidate) + Arrays.hashCode(maxNewSites)) + groupNames.hashCode();
    }

    @Override
    public String toString() {
        return "SitingQuotas" + groupNames + Arrays.toString(maxNewSites);
    }
}
