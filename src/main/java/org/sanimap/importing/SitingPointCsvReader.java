package org.sanimap.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads siting points from a delimited text file with a header: {@code id,lon,lat[,weight]}
 * (longitude, latitude in degrees WGS84) or {@code id,x,y[,weight]} (projected coordinates in the
 * radius's unit). Header synonyms: id/name/code; lon/long/lng/longitude; lat/latitude;
 * weight/population/pop/demand. The id and weight columns can be named explicitly. Every problem is
 * reported with its row (the header is row 1); nothing is returned from a file with a bad row.
 */
public final class SitingPointCsvReader {

    private final String idColumn;
    private final String weightColumn;

    /**
     * @param idColumn     header of the id column, or null for the synonyms
     * @param weightColumn header of the weight column, or null for the synonyms (absent: weight 1)
     */
    public SitingPointCsvReader(String idColumn, String weightColumn) {
        this.idColumn = idColumn;
        this.weightColumn = weightColumn;
    }

    /** @throws ImportRejectedException listing the bad rows */
    public SitingPoints read(Path file) throws IOException {
        CsvTable table = CsvTable.read(file);
        int id = table.column(idColumn, "id", "name", "code").orElseThrow(
                () -> new ImportRejectedException("no id column (id, name or code); the header has " + table.headers()));
        var lon = table.column(null, "lon", "long", "lng", "longitude");
        var lat = table.column(null, "lat", "latitude");
        boolean planar = lon.isEmpty() || lat.isEmpty();
        var x = planar ? table.column(null, "x") : lon;
        var y = planar ? table.column(null, "y") : lat;
        if (x.isEmpty() || y.isEmpty()) {
            throw new ImportRejectedException("no coordinate columns (lon, lat or x, y); the header has " + table.headers());
        }
        var weight = table.column(weightColumn, "weight", "population", "pop", "demand");
        List<String> errors = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        double[] a = new double[table.rows().size()];
        double[] b = new double[a.length];
        double[] w = new double[a.length];
        Map<String, Integer> seen = new HashMap<>();
        int k = 0;
        for (CsvTable.Row row : table.rows()) {
            String name = row.get(id);
            if (name == null || name.isBlank()) {
                errors.add("id missing at row " + row.number());
            } else if (seen.putIfAbsent(name.trim(), row.number()) != null) {
                errors.add("id '" + name.trim() + "' repeated at row " + row.number() + " (first at row " + seen.get(name.trim()) + ")");
            }
            ids.add(name == null ? "" : name.trim());
            a[k] = number(row, x.get(), planar ? "x" : "longitude", errors);
            b[k] = number(row, y.get(), planar ? "y" : "latitude", errors);
            if (!planar) {
                range(a[k], 180, "longitude", row.number(), errors);
                range(b[k], 90, "latitude", row.number(), errors);
            }
            w[k] = weight.isPresent() ? number(row, weight.get(), "weight", errors) : 1;
            if (w[k] < 0) {
                errors.add("weight " + w[k] + " must be >= 0 at row " + row.number());
            }
            k++;
        }
        if (ids.isEmpty()) {
            errors.add("the file has a header but no rows");
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new SitingPoints(ids, a, b, w, planar);
    }

    private static double number(CsvTable.Row row, int column, String what, List<String> errors) {
        String v = row.get(column);
        try {
            double d = Double.parseDouble(v == null ? "" : v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(what + " '" + (v == null ? "" : v) + "' is not a number at row " + row.number());
            return 0;
        }
    }

    private static void range(double v, double limit, String what, int row, List<String> errors) {
        if (v < -limit || v > limit) {
            errors.add(what + " " + v + " out of range [-" + (int) limit + ", " + (int) limit + "] at row " + row);
        }
    }
}
