package org.sanimap.importing;

import java.util.List;

/**
 * Points read for siting from a CSV file: demand units, candidate sites or existing facilities.
 *
 * @param ids     identifiers as written (unique)
 * @param first   longitude (degrees WGS84), or x when {@code planar}
 * @param second  latitude (degrees WGS84), or y when {@code planar}
 * @param weights weight of each point (1 when the file has no weight column)
 * @param planar  whether the file gave projected x, y rather than longitude, latitude
 */
public record SitingPoints(List<String> ids, double[] first, double[] second, double[] weights, boolean planar) {

    public SitingPoints {
        ids = List.copyOf(ids);
        first = first.clone();
        second = second.clone();
        weights = weights.clone();
    }

    public int size() {
        return ids.size();
    }

    @Override
    public double[] first() {
        return first.clone();
    }

    @Override
    public double[] second() {
        return second.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
