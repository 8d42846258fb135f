package org.sanimap.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a long-format distance table (one row per demand unit and candidate site: demand id,
 * candidate id, distance), e.g. network distances computed by another tool. Ids must name points of
 * the demand and candidate files; distances are non-negative numbers in the radius's unit.
 */
public final class DistanceTableCsvReader {

    /** The triples, as indexes into the demand and candidate lists. */
    public record DistanceTable(int[] demand, int[] candidate, double[] distance) {
    }

    private final String demandColumn;
    private final String candidateColumn;
    private final String distanceColumn;

    /** Column headers; null for the defaults {@code demand_id}, {@code candidate_id}, {@code distance}. */
    public DistanceTableCsvReader(String demandColumn, String candidateColumn, String distanceColumn) {
        this.demandColumn = demandColumn;
        this.candidateColumn = candidateColumn;
        this.distanceColumn = distanceColumn;
    }

    /** @throws ImportRejectedException listing the bad rows */
    public DistanceTable read(Path file, Map<String, Integer> demandIndex, Map<String, Integer> candidateIndex) throws IOException {
        CsvTable table = CsvTable.read(file);
        int d = table.column(demandColumn, "demand_id", "demand").orElseThrow(() -> missing("demand_id", table));
        int c = table.column(candidateColumn, "candidate_id", "candidate").orElseThrow(() -> missing("candidate_id", table));
        int m = table.column(distanceColumn, "distance", "meters", "distance_meters").orElseThrow(() -> missing("distance", table));
        List<String> errors = new ArrayList<>();
        int n = table.rows().size();
        int[] di = new int[n];
        int[] ci = new int[n];
        double[] dist = new double[n];
        int k = 0;
        for (CsvTable.Row row : table.rows()) {
            Integer a = demandIndex.get(trim(row.get(d)));
            Integer b = candidateIndex.get(trim(row.get(c)));
            if (a == null) {
                errors.add("demand id '" + trim(row.get(d)) + "' is not in the demand file at row " + row.number());
            }
            if (b == null) {
                errors.add("candidate id '" + trim(row.get(c)) + "' is not in the candidate file at row " + row.number());
            }
            double v;
            try {
                v = Double.parseDouble(trim(row.get(m)));
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                errors.add("distance '" + trim(row.get(m)) + "' is not a number >= 0 at row " + row.number());
            }
            if (errors.size() > 100) {
                break;
            }
            di[k] = a == null ? -1 : a;
            ci[k] = b == null ? -1 : b;
            dist[k] = v;
            k++;
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new DistanceTable(di, ci, dist);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static ImportRejectedException missing(String what, CsvTable table) {
        return new ImportRejectedException("no " + what + " column; the header has " + table.headers());
    }
}
