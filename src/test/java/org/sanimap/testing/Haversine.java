package org.sanimap.testing;

/** Great-circle distance for test assertions, written independently of the product's code. */
public final class Haversine {

    /** Mean earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private Haversine() {
    }

    public static double meters(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
    }
}
