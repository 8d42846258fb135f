package org.sanimap.demand;

/**
 * A stored layer of planning areas (districts).
 *
 * @param name      layer name, e.g. {@code kaupunginosat} or the imported file's name
 * @param areaCount number of areas in it
 */
public record PlanningAreaLayerSummary(String name, long areaCount) {
}
