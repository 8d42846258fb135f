package org.sanimap.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sanimap.demand.PlanningArea;

/**
 * Reads planning-area or district polygons from GeoJSON or a GeoPackage. The name comes from the
 * first of name, 名称, district, 区, 行政区, NAME_3 ... present; features that are not polygons are
 * skipped with a reason; a polygon without a name rejects the file.
 */
public final class PlanningAreaReader {

    private static final List<String> NAME_PROPERTIES = List.of("name", "名称", "district", "区", "行政区", "区县",
            "name_zh", "name_3", "name_2");

    /** @throws ImportRejectedException on broken GeoJSON or an unnamed polygon */
    public PlanningAreaReadResult readGeoJson(Path file, String fileName) throws IOException {
        return map(GeoJsonFeatureSource.read(file));
    }

    /** @throws ImportRejectedException when the file is no GeoPackage or a polygon is unnamed */
    public PlanningAreaReadResult readGeoPackage(Path file, String fileName, String table) {
        return map(GeoPackageFeatureSource.read(file, table));
    }

    private static PlanningAreaReadResult map(List<SourceFeature> features) {
        List<PlanningArea> areas = new ArrayList<>();
        List<ImportSkip> skips = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (SourceFeature f : features) {
            if (f.geometryWgs84() == null || f.geometryWgs84().getDimension() != 2) {
                skips.add(new ImportSkip("feature " + f.number(), "it is not a Polygon or MultiPolygon"));
                continue;
            }
            String name = f.property(NAME_PROPERTIES);
            try {
                PolygonValidity.require(f.geometryWgs84(), "district '" + name + "'");
                areas.add(new PlanningArea(name, f.geometryWgs84()));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage() + " at feature " + f.number());
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new PlanningAreaReadResult(areas, skips);
    }
}
