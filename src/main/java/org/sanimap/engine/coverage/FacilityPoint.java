package org.sanimap.engine.coverage;

/**
 * A facility that serves demand within the radius around it.
 *
 * @param id       identifier
 * @param lonWgs84 longitude, degrees WGS84
 * @param latWgs84 latitude, degrees WGS84
 */
public record FacilityPoint(String id, double lonWgs84, double latWgs84) {

    public FacilityPoint {
        if (!(latWgs84 >= -90 && latWgs84 <= 90) || !(lonWgs84 >= -180 && lonWgs84 <= 180)) {
            throw new IllegalArgumentException("facility " + id + " at (" + lonWgs84 + ", " + latWgs84 + ") is out of range");
        }
    }
}
