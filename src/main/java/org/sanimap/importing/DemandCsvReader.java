package org.sanimap.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sanimap.demand.DemandCell;

/**
 * Reads weighted demand points from a CSV with id, lon, lat and population columns (the Porto Alegre
 * H3 hexagon CSV works as is; 人口 is recognised). Other columns are ignored. Without an id column the
 * row number is the id. Any invalid row rejects the file.
 */
public final class DemandCsvReader {

    /** @throws ImportRejectedException listing every invalid row */
    public DemandReadResult read(Path file, String fileName) throws IOException {
        CsvTable table = CsvTable.read(file);
        int lon = table.column(null, CsvFacilityReader.LON_NAMES).orElseThrow(() -> new ImportRejectedException(
                "no longitude column (lon, lng, longitude, x or 经度); the header has " + table.headers()));
        int lat = table.column(null, CsvFacilityReader.LAT_NAMES).orElseThrow(() -> new ImportRejectedException(
                "no latitude column (lat, latitude, y or 纬度); the header has " + table.headers()));
        int population = table.column(null, "population", "pop", "residents", "人口", "人口数", "常住人口")
                .orElseThrow(() -> new ImportRejectedException(
                        "no population column (population, pop or 人口); the header has " + table.headers()));
        Integer id = table.column(null, "id", "cell_id", "h3", "编号").orElse(null);
        List<DemandCell> cells = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String key = id == null ? "row " + row.number() : FacilityFieldParser.blankToNull(row.get(id));
                if (key == null) {
                    throw new IllegalArgumentException("id is missing");
                }
                if (seen.putIfAbsent(key, row.number()) != null) {
                    throw new IllegalArgumentException("id '" + key + "' repeats row " + seen.get(key));
                }
                double x = FacilityFieldParser.coordinate(row.get(lon), "longitude");
                double y = FacilityFieldParser.coordinate(row.get(lat), "latitude");
                CsvFacilityReader.checkRange(x, y);
                Double pop = FacilityFieldParser.number(row.get(population), "population");
                cells.add(new DemandCell(key, x, y, pop == null ? 0 : pop, null));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage() + " at row " + row.number());
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new DemandReadResult(cells, List.of());
    }
}
