package org.sanimap.engine.siting;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A maximal covering benchmark instance in the TSPLIB-like format of Maximo, Cordeau and Nascimento
 * (ITOR 2023): {@code NODE_COORD_SECTION} with one "lat lon" line per node, then
 * {@code DEMAND_SECTION} with one integer per node. Every node is both a demand point and a candidate
 * site. Coverage uses the instance's distance: the spherical law of cosines with a given earth radius,
 * covered iff d ≤ r.
 *
 * @param latDegrees node latitudes
 * @param lonDegrees node longitudes
 * @param demand     node demand weights
 */
public record CoveringInstance(double[] latDegrees, double[] lonDegrees, double[] demand) {

    public CoveringInstance {
        latDegrees = latDegrees.clone();
        lonDegrees = lonDegrees.clone();
        demand = demand.clone();
    }

    public int size() {
        return demand.length;
    }

    @Override
    public double[] demand() {
        return demand.clone();
    }

    /** Reads the format above. @throws IllegalArgumentException naming the line of a problem */
    public static CoveringInstance read(BufferedReader in) throws IOException {
        List<double[]> coords = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        String section = "";
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String t = line.trim();
            if (t.isEmpty() || t.equals("EOF")) {
                continue;
            }
            if (t.startsWith("NODE_COORD_SECTION") || t.startsWith("DEMAND_SECTION")) {
                section = t.split("\\s+")[0];
                continue;
            }
            try {
                if (section.equals("NODE_COORD_SECTION")) {
                    String[] f = t.split("\\s+");
                    coords.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
                } else if (section.equals("DEMAND_SECTION")) {
                    weights.add(Double.parseDouble(t));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + number + " '" + t + "' is not a number pair or demand");
            }
        }
        if (coords.isEmpty() || coords.size() != weights.size()) {
            throw new IllegalArgumentException(coords.size() + " coordinates but " + weights.size() + " demands");
        }
        double[] lat = new double[coords.size()];
        double[] lon = new double[coords.size()];
        double[] w = new double[coords.size()];
        for (int i = 0; i < w.length; i++) {
            lat[i] = coords.get(i)[0];
            lon[i] = coords.get(i)[1];
            w[i] = weights.get(i);
        }
        return new CoveringInstance(lat, lon, w);
    }

    /**
     * For each node, the nodes within {@code radiusMeters} by the spherical law of cosines on a sphere
     * of {@code earthRadiusMeters} (all pairs are tested; fine for a few thousand nodes).
     */
    public int[][] sitesWithin(double radiusMeters, double earthRadiusMeters) {
        int n = size();
        double[] sinLat = new double[n];
        double[] cosLat = new double[n];
        double[] lonRad = new double[n];
        for (int i = 0; i < n; i++) {
            double phi = Math.toRadians(latDegrees[i]);
            sinLat[i] = Math.sin(phi);
            cosLat[i] = Math.cos(phi);
            lonRad[i] = Math.toRadians(lonDegrees[i]);
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> near = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                double c = sinLat[i] * sinLat[j] + cosLat[i] * cosLat[j] * Math.cos(lonRad[i] - lonRad[j]);
                if (earthRadiusMeters * Math.acos(Math.max(-1, Math.min(1, c))) <= radiusMeters) {
                    near.add(j);
                }
            }
            out[i] = near.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}
