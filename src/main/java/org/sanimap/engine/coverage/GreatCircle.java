package org.sanimap.engine.coverage;

/**
 * Great-circle (haversine) distance on a sphere. With the mean earth radius the error against the
 * WGS84 ellipsoid is below 0.5 %; benchmarks that fix another radius (the NewYork MCLP instance uses
 * 6,378,100 m) pass theirs.
 */
public final class GreatCircle {

    /** Mean earth radius R1 of the IUGG, metres. */
    public static final double MEAN_EARTH_RADIUS_METERS = 6_371_008.8;

    private GreatCircle() {
    }

    /** Distance in metres between two WGS84 positions (degrees) on a sphere of the given radius. */
    public static double distanceMeters(double lon1, double lat1, double lon2, double lat2, double earthRadiusMeters) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double sinDLat = Math.sin((phi2 - phi1) / 2);
        double sinDLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double h = sinDLat * sinDLat + Math.cos(phi1) * Math.cos(phi2) * sinDLon * sinDLon;
        return 2 * earthRadiusMeters * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** Distance in metres on the mean-radius sphere. */
    public static double distanceMeters(double lon1, double lat1, double lon2, double lat2) {
        return distanceMeters(lon1, lat1, lon2, lat2, MEAN_EARTH_RADIUS_METERS);
    }
}
