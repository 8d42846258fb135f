package org.sanimap.engine.network;

/**
 * Where a point joins the walking network.
 *
 * @param segment   the nearest edge (segment index of the graph)
 * @param fraction  position along it from its first node, 0 to 1
 * @param legMeters straight distance from the point to the network (the off-network leg)
 */
public record NetworkSnap(int segment, double fraction, double legMeters) {
}
