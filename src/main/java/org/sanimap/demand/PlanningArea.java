package org.sanimap.demand;

import org.locationtech.jts.geom.Geometry;

/**
 * A planning area or administrative district polygon.
 *
 * @param name        district name, unique within its layer
 * @param areaWgs84   polygon or multipolygon in WGS84 (EPSG:4326)
 */
public record PlanningArea(String name, Geometry areaWgs84) {

    public PlanningArea {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("planning area name is required");
        }
        if (areaWgs84 == null || areaWgs84.isEmpty()
                || !(areaWgs84.getGeometryType().equals("Polygon") || areaWgs84.getGeometryType().equals("MultiPolygon"))) {
            throw new IllegalArgumentException("planning area '" + name + "' must be a Polygon or MultiPolygon");
        }
    }
}
