package org.sanimap.engine.coverage;

import java.util.ArrayList;
import java.util.List;

/**
 * What each facility serves: the residents of the demand units within its reach, and of those within the
 * reach of no other facility, the residents who would lose coverage if it closed (a decommissioning or
 * relocation check). Units count by their centre, as in {@link CoverageAnalyzer}; which facilities reach a
 * unit is given (straight-line, walking, by zone), so any metric serves.
 */
public final class CatchmentCounter {

    private CatchmentCounter() {
    }

    /**
     * One facility's catchment.
     *
     * @param facility          the facility's index
     * @param residentsWithin   residents of the units it reaches
     * @param residentsOnlyHere residents of the units it alone reaches
     * @param units             units it reaches
     * @param unitsOnlyHere     units it alone reaches
     */
    public record Catchment(int facility, double residentsWithin, double residentsOnlyHere, int units, int unitsOnlyHere) {
    }

    /**
     * @param residents          each unit's residents
     * @param facilitiesOfUnit   for each unit, the indexes of the facilities that reach it (no repeats)
     * @param facilityCount      how many facilities there are
     * @return one catchment per facility, in index order
     */
    public static List<Catchment> count(double[] residents, int[][] facilitiesOfUnit, int facilityCount) {
        if (residents.length != facilitiesOfUnit.length) {
            throw new IllegalArgumentException(residents.length + " units' residents for " + facilitiesOfUnit.length + " units");
        }
        double[] within = new double[facilityCount];
        double[] only = new double[facilityCount];
        int[] units = new int[facilityCount];
        int[] unitsOnly = new int[facilityCount];
        for (int i = 0; i < residents.length; i++) {
            for (int f : facilitiesOfUnit[i]) {
                within[f] += residents[i];
                units[f]++;
            }
            if (facilitiesOfUnit[i].length == 1) {
                only[facilitiesOfUnit[i][0]] += residents[i];
                unitsOnly[facilitiesOfUnit[i][0]]++;
            }
        }
        List<Catchment> out = new ArrayList<>(facilityCount);
        for (int f = 0; f < facilityCount; f++) {
            out.add(new Catchment(f, within[f], only[f], units[f], unitsOnly[f]));
        }
        return out;
    }
}
