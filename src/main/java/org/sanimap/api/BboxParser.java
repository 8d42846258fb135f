package org.sanimap.api;

/** Parses {@code minLon,minLat,maxLon,maxLat} (degrees WGS84) with exact messages. */
public final class BboxParser {

    private BboxParser() {
    }

    /** @return null for a null or blank value, else the four numbers */
    public static double[] parse(String bbox) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox '" + bbox + "' must be minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox value '" + parts[i].trim() + "' is not a number");
            }
        }
        checkRange("minLon", v[0], 180);
        checkRange("minLat", v[1], 90);
        checkRange("maxLon", v[2], 180);
        checkRange("maxLat", v[3], 90);
        if (v[0] > v[2] || v[1] > v[3]) {
            throw new IllegalArgumentException("bbox '" + bbox + "' has min greater than max");
        }
        return v;
    }

    private static void checkRange(String name, double value, double limit) {
        if (!Double.isFinite(value) || value < -limit || value > limit) {
            throw new IllegalArgumentException("bbox " + name + " " + value + " out of range [-" + (int) limit + ", " + (int) limit + "]");
        }
    }
}
