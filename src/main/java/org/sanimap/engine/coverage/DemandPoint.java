package org.sanimap.engine.coverage;

/**
 * A weighted demand unit: the centre of a population cell.
 *
 * @param id         identifier, unique within one analysis
 * @param lonWgs84   longitude of the centre, degrees WGS84
 * @param latWgs84   latitude of the centre, degrees WGS84
 * @param population residents, non-negative
 * @param district   planning area the unit belongs to, or null when none is known
 */
public record DemandPoint(String id, double lonWgs84, double latWgs84, double population, String district) {

    public DemandPoint {
        if (!(population >= 0) || Double.isInfinite(population)) {
            throw new IllegalArgumentException("population " + population + " of demand point " + id + " must be >= 0");
        }
        if (!(latWgs84 >= -90 && latWgs84 <= 90) || !(lonWgs84 >= -180 && lonWgs84 <= 180)) {
            throw new IllegalArgumentException("demand point " + id + " at (" + lonWgs84 + ", " + latWgs84 + ") is out of range");
        }
    }
}
