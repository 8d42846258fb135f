package org.sanimap.demand;

import org.locationtech.jts.geom.Geometry;

/**
 * One weighted demand unit (a population cell).
 *
 * @param key            identifier of the cell within its layer (e.g. the H3 index), unique per layer
 * @param lonWgs84       longitude of the cell centre, degrees WGS84
 * @param latWgs84       latitude of the cell centre, degrees WGS84
 * @param population     residents in the cell, non-negative
 * @param areaWgs84      the cell polygon in WGS84 when the source has one, else null
 */
public record DemandCell(String key, double lonWgs84, double latWgs84, double population, Geometry areaWgs84) {

    public DemandCell {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("demand cell id is required");
        }
        if (!Double.isFinite(lonWgs84) || lonWgs84 < -180 || lonWgs84 > 180) {
            throw new IllegalArgumentException("longitude " + lonWgs84 + " out of range [-180, 180]");
        }
        if (!Double.isFinite(latWgs84) || latWgs84 < -90 || latWgs84 > 90) {
            throw new IllegalArgumentException("latitude " + latWgs84 + " out of range [-90, 90]");
        }
        if (!Double.isFinite(population) || population < 0) {
            throw new IllegalArgumentException("population " + population + " must be a non-negative number");
        }
    }
}
