package org.sanimap.engine.siting;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A maximal covering benchmark instance in the TSPLIB-like format of Maximo, Cordeau and Nascimento
 * (ITOR 2023): {@code NODE_COORD_SECTION} with one "lat lon" line per node, then
 * {@code DEMAND_SECTION} with one integer per node. Every node is both a demand point and a candidate
 * site. The instance's distance is the spherical law of cosines with a given earth radius,
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
}
