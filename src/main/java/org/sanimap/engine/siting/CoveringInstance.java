package org.sanimap.engine.siting;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A maximal covering benchmark instance in the TSPLIB-like format of Maximo, Cordeau and Nascimento
 * (ITOR 2023; their AILS-MCLP code reads it): header lines {@code KEY : VALUE}, then
 * {@code NODE_COORD_SECTION} with one coordinate pair per node and {@code DEMAND_SECTION} with one
 * number per node. Every node is both a demand point and a candidate site. {@code EDGE_WEIGHT_TYPE :
 * COORD} (or no type) gives "lat lon" in degrees, whose distance is the spherical law of cosines with the
 * instance's earth radius (NewYork, Bronx, Kings, San Francisco); any other type (EUC_2D, and the SJC
 * instances of Lorena and Pereira, labelled "32") gives planar "x y" in metres and the Euclidean distance,
 * as their code does. Covered iff d ≤ r.
 *
 * @param x      node longitudes in degrees, or planar x
 * @param y      node latitudes in degrees, or planar y
 * @param demand node demand weights
 * @param planar whether x and y are planar coordinates (else longitude and latitude)
 */
public record CoveringInstance(double[] x, double[] y, double[] demand, boolean planar) {

    public CoveringInstance {
        x = x.clone();
        y = y.clone();
        demand = demand.clone();
    }

    public int size() {
        return demand.length;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] demand() {
        return demand.clone();
    }

    /** Node longitudes; only for an instance of EDGE_WEIGHT_TYPE COORD. */
    public double[] lonDegrees() {
        requireGeographic();
        return x();
    }

    /** Node latitudes; only for an instance of EDGE_WEIGHT_TYPE COORD. */
    public double[] latDegrees() {
        requireGeographic();
        return y();
    }

    private void requireGeographic() {
        if (planar) {
            throw new IllegalStateException("the instance has planar x y coordinates, not longitude and latitude");
        }
    }

    /** Reads the format above. @throws IllegalArgumentException naming the line of a problem */
    public static CoveringInstance read(BufferedReader in) throws IOException {
        List<double[]> coords = new ArrayList<>();
        List<Integer> coordLines = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        String section = "";
        String edgeWeightType = "COORD";
        int dimension = -1;
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
            if (section.isEmpty()) {
                int colon = t.indexOf(':');
                String key = colon < 0 ? t : t.substring(0, colon).trim();
                String value = colon < 0 ? "" : t.substring(colon + 1).trim();
                if (key.equals("EDGE_WEIGHT_TYPE")) {
                    edgeWeightType = value.toUpperCase(Locale.ROOT);
                } else if (key.equals("DIMENSION")) {
                    try {
                        dimension = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("line " + number + ": DIMENSION '" + value + "' is not a whole number");
                    }
                }
                continue; // NAME, TYPE and other header lines
            }
            try {
                if (section.equals("NODE_COORD_SECTION")) {
                    String[] f = t.split("\\s+");
                    coords.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
                    coordLines.add(number);
                } else {
                    weights.add(Double.parseDouble(t));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + number + " '" + t + "' is not a number pair or demand");
            }
        }
        if (coords.isEmpty() || coords.size() != weights.size()) {
            throw new IllegalArgumentException(coords.size() + " coordinates but " + weights.size() + " demands");
        }
        if (dimension >= 0 && dimension != coords.size()) {
            throw new IllegalArgumentException("DIMENSION " + dimension + " but " + coords.size() + " nodes");
        }
        boolean planar = !edgeWeightType.equals("COORD");
        double[] x = new double[coords.size()];
        double[] y = new double[coords.size()];
        double[] w = new double[coords.size()];
        for (int i = 0; i < w.length; i++) {
            double first = coords.get(i)[0];
            double second = coords.get(i)[1];
            if (!planar && !(Math.abs(first) <= 90)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "latitude %s out of range [-90, 90] at line %d"
                        + " (EDGE_WEIGHT_TYPE COORD gives lat lon; planar x y need EDGE_WEIGHT_TYPE : EUC_2D)",
                        first, coordLines.get(i)));
            }
            if (!planar && !(Math.abs(second) <= 180)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "longitude %s out of range [-180, 180] at line %d",
                        second, coordLines.get(i)));
            }
            x[i] = planar ? first : second;
            y[i] = planar ? second : first;
            w[i] = weights.get(i);
        }
        return new CoveringInstance(x, y, w, planar);
    }
}
