package org.sanimap.demand;

/**
 * A stored demand layer.
 *
 * @param name            layer name, e.g. {@code poa_hexgrid}
 * @param sourceDetail    where it was imported from
 * @param cellCount       number of cells
 * @param totalPopulation sum of the cells' population (residents)
 */
public record DemandLayerSummary(String name, String sourceDetail, long cellCount, double totalPopulation) {
}
