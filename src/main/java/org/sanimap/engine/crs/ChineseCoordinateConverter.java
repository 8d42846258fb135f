package org.sanimap.engine.crs;

/**
 * Converts between WGS84 and the two obfuscated coordinate systems used by Chinese web maps:
 * GCJ-02 ("Mars coordinates", Amap/Gaode, Tencent, Google China) and BD-09 (Baidu).
 *
 * <p>The forward WGS84 → GCJ-02 transform is the widely published reverse-engineered form of the
 * official algorithm (Krasovsky 1940 ellipsoid, a = 6,378,245 m, e² = 0.00669342162296594323, with
 * the trigonometric offset polynomials in {@code transformLat/transformLon}); it reproduces the
 * official offsets to within a few decimetres. BD-09 is GCJ-02 with Baidu's further rotation and
 * shift ({@code x_pi = π·3000/180}). Outside mainland China's rough box (lon 72.004-137.8347,
 * lat 0.8293-55.8271) GCJ-02 equals WGS84.
 *
 * <p>The inverses are computed by fixed-point iteration of the forward transform until the residual
 * is below 1e-9 degrees (about 0.1 mm), not by the common one-step approximation, which can be off by
 * a metre or more.
 */
public final class ChineseCoordinateConverter {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;
    private static final double TOLERANCE_DEGREES = 1e-9;
    private static final int MAX_ITERATIONS = 50;

    private ChineseCoordinateConverter() {
    }

    /** True outside the box where GCJ-02 applies (there GCJ-02 equals WGS84). */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS84 → GCJ-02. */
    public static LonLat wgs84ToGcj02(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LonLat(lon + dLon, lat + dLat);
    }

    /** GCJ-02 → WGS84, by fixed-point iteration of {@link #wgs84ToGcj02}. */
    public static LonLat gcj02ToWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        return invert(ChineseCoordinateConverter::wgs84ToGcj02, lon, lat, lon, lat);
    }

    /** GCJ-02 → BD-09. */
    public static LonLat gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new LonLat(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
    }

    /** BD-09 → GCJ-02, by fixed-point iteration of {@link #gcj02ToBd09}. */
    public static LonLat bd09ToGcj02(double lon, double lat) {
        return invert(ChineseCoordinateConverter::gcj02ToBd09, lon, lat, lon - 0.0065, lat - 0.006);
    }

    /** WGS84 → BD-09. */
    public static LonLat wgs84ToBd09(double lon, double lat) {
        LonLat g = wgs84ToGcj02(lon, lat);
        return gcj02ToBd09(g.lon(), g.lat());
    }

    /** BD-09 → WGS84. */
    public static LonLat bd09ToWgs84(double lon, double lat) {
        LonLat g = bd09ToGcj02(lon, lat);
        return gcj02ToWgs84(g.lon(), g.lat());
    }

    /**
     * Solves forward(x) = target by fixed-point iteration x ← x − (forward(x) − target), which converges
     * because the offsets vary slowly (their derivative is far below 1).
     */
    private static LonLat invert(Forward forward, double lon, double lat, double startLon, double startLat) {
        double x = startLon;
        double y = startLat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            LonLat f = forward.apply(x, y);
            double dLon = f.lon() - lon;
            double dLat = f.lat() - lat;
            x -= dLon;
            y -= dLat;
            if (Math.abs(dLon) < TOLERANCE_DEGREES && Math.abs(dLat) < TOLERANCE_DEGREES) {
                break;
            }
        }
        return new LonLat(x, y);
    }

    /** A forward transform. */
    @FunctionalInterface
    private interface Forward {
        LonLat apply(double lon, double lat);
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
