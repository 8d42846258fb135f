package org.sanimap.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Point;
import org.sanimap.demand.DemandCell;

/**
 * Reads a population grid (polygons with a population attribute) from a GeoPackage, such as the HSY
 * Helsinki 250 m grid. The population column is the first whose name contains population, pop,
 * asukkaat, väestö or 人口; the cell id is the {@code id} attribute, else the feature id. Each cell's
 * point is its polygon's centroid; the polygon is kept.
 */
public final class DemandGeoPackageReader {

    /** @throws ImportRejectedException when there is no population column or a cell is invalid */
    public DemandReadResult read(Path file, String fileName, String table) {
        List<SourceFeature> features = GeoPackageFeatureSource.read(file, table);
        List<DemandCell> cells = new ArrayList<>();
        List<ImportSkip> skips = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String populationColumn = null;
        for (SourceFeature f : features) {
            if (populationColumn == null) {
                populationColumn = populationColumn(f.properties());
            }
            if (f.geometryWgs84() == null || f.geometryWgs84().isEmpty()) {
                skips.add(new ImportSkip("feature " + f.number(), "it has no geometry"));
                continue;
            }
            try {
                String text = populationColumn == null ? null : f.properties().get(populationColumn);
                Double pop = FacilityFieldParser.number(text, "population");
                String id = f.property(List.of("id", "cell_id", "grid_id"));
                Point c = f.geometryWgs84().getCentroid();
                CsvFacilityReader.checkRange(c.getX(), c.getY());
                boolean polygonal = f.geometryWgs84().getDimension() == 2;
                if (polygonal) {
                    PolygonValidity.require(f.geometryWgs84(), "cell " + (id != null ? id : f.id()));
                }
                cells.add(new DemandCell(id != null ? id : f.id(), c.getX(), c.getY(), pop == null ? 0 : pop,
                        polygonal ? f.geometryWgs84() : null));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage() + " at feature " + f.number());
            }
        }
        if (!features.isEmpty() && populationColumn == null) {
            throw new ImportRejectedException("no population column (a name containing population, pop, asukkaat or 人口) in "
                    + fileName + "; it has " + features.get(0).properties().keySet());
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new DemandReadResult(cells, skips);
    }

    private static String populationColumn(Map<String, String> properties) {
        for (String name : properties.keySet()) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.contains("population") || n.equals("pop") || n.startsWith("pop_") || n.contains("asukkaat")
                    || n.contains("väestö") || n.contains("人口")) {
                return name;
            }
        }
        return null;
    }
}
