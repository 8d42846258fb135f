package org.sanimap.engine.network;

/**
 * An undirected pedestrian graph: nodes with WGS84 positions and edges with their great-circle
 * length in metres, in compressed adjacency form. Every node of a walkable OSM way is a node here
 * (no pillar contraction), so every edge is a straight segment. Immutable once built by
 * {@link WalkingGraphBuilder}.
 */
public final class WalkingGraph {

    final double[] lon;
    final double[] lat;
    /** Adjacency of node n: indexes {@code firstArc[n]} to {@code firstArc[n + 1] - 1} of the arc arrays. */
    final int[] firstArc;
    final int[] arcTarget;
    final double[] arcMeters;
    /** The segments (each undirected edge once): endpoints and length. */
    final int[] segmentFrom;
    final int[] segmentTo;
    final double[] segmentMeters;

    WalkingGraph(double[] lon, double[] lat, int[] firstArc, int[] arcTarget, double[] arcMeters, int[] segmentFrom,
            int[] segmentTo, double[] segmentMeters) {
        this.lon = lon;
        this.lat = lat;
        this.firstArc = firstArc;
        this.arcTarget = arcTarget;
        this.arcMeters = arcMeters;
        this.segmentFrom = segmentFrom;
        this.segmentTo = segmentTo;
        this.segmentMeters = segmentMeters;
    }

    public int nodeCount() {
        return lon.length;
    }

    /** Undirected edges (straight segments). */
    public int edgeCount() {
        return segmentFrom.length;
    }

    public double nodeLon(int node) {
        return lon[node];
    }

    public double nodeLat(int node) {
        return lat[node];
    }

    /** Neighbour nodes of a node, each with the edge length in metres, via a visitor. */
    public void forEachNeighbour(int node, NeighbourVisitor visitor) {
        for (int a = firstArc[node]; a < firstArc[node + 1]; a++) {
            visitor.visit(arcTarget[a], arcMeters[a]);
        }
    }

    /** First node of an edge. */
    public int edgeFrom(int edge) {
        return segmentFrom[edge];
    }

    /** Second node of an edge. */
    public int edgeTo(int edge) {
        return segmentTo[edge];
    }

    /** Length of an edge, metres. */
    public double edgeMeters(int edge) {
        return segmentMeters[edge];
    }

    /** Total length of all edges, km. */
    public double totalKm() {
        double m = 0;
        for (double s : segmentMeters) {
            m += s;
        }
        return m / 1000;
    }

    /** Receives one neighbour. */
    @FunctionalInterface
    public interface NeighbourVisitor {
        void visit(int neighbour, double meters);
    }
}
