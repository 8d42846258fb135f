package org.sanimap.engine.coverage;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * An equirectangular plane in metres around a centre latitude and longitude, for building polygons
 * (service areas, gaps) at city scale: x = Δλ·cos φ0·R, y = Δφ·R on the mean sphere. Within ±25 km
 * of the centre the scale error stays below 0.3 %, small against service radii; distances that
 * decide coverage are never measured here, only drawn shapes.
 */
public final class LocalPlane {

    private static final double METERS_PER_RADIAN = GreatCircle.MEAN_EARTH_RADIUS_METERS;

    private final double lon0;
    private final double lat0;
    private final double kx;

    public LocalPlane(double lonCentre, double latCentre) {
        this.lon0 = lonCentre;
        this.lat0 = latCentre;
        this.kx = Math.cos(Math.toRadians(latCentre)) * Math.toRadians(1) * METERS_PER_RADIAN;
    }

    public double x(double lon) {
        return (lon - lon0) * kx;
    }

    public double y(double lat) {
        return (lat - lat0) * Math.toRadians(1) * METERS_PER_RADIAN;
    }

    /** A copy of a WGS84 geometry in the plane's metres. */
    public Geometry toPlane(Geometry wgs84) {
        Geometry g = wgs84.copy();
        g.apply((CoordinateFilter) c -> {
            double px = x(c.x);
            double py = y(c.y);
            c.x = px;
            c.y = py;
        });
        g.geometryChanged();
        return g;
    }

    /** A copy of a plane geometry back in WGS84 degrees. */
    public Geometry toWgs84(Geometry plane) {
        Geometry g = plane.copy();
        g.apply((CoordinateFilter) c -> {
            double lon = lon0 + c.x / kx;
            double lat = lat0 + c.y / (Math.toRadians(1) * METERS_PER_RADIAN);
            c.x = lon;
            c.y = lat;
        });
        g.geometryChanged();
        return g;
    }

    Coordinate toPlane(double lon, double lat) {
        return new Coordinate(x(lon), y(lat));
    }
}
