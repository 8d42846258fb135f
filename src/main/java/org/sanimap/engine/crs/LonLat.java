package org.sanimap.engine.crs;

/**
 * A longitude/latitude pair in degrees; which datum or offset system it is in is said by the method
 * that returns it.
 *
 * @param lon longitude, degrees east
 * @param lat latitude, degrees north
 */
public record LonLat(double lon, double lat) {
}
