package org.sanimap.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sanimap.demand.PlanningArea;

/**
 * Reads planning-area, district or zone polygons from GeoJSON or a GeoPackage. The name comes from the
 * attribute asked for, else the first of name, 名称, district, 区, 行政区, NAME_3 ... present; features
 * that are not polygons are skipped with a reason; a polygon without a name rejects the file. Polygons
 * sharing a name are joined into one area (a district in several parts, the parcels of one land use).
 */
public final class PlanningAreaReader {

    private static final List<String> NAME_PROPERTIES = List.of("name", "名称", "district", "区", "行政区", "区县",
            "name_zh", "name_3", "name_2");

    private final String nameProperty;

    /** Names areas by the default attributes. */
    public PlanningAreaReader() {
        this(null);
    }

    /** @param nameProperty the attribute naming each area, or null for the defaults */
    public PlanningAreaReader(String nameProperty) {
        this.nameProperty = nameProperty == null || nameProperty.isBlank() ? null : nameProperty.trim();
    }

    /** @throws ImportRejectedException on broken GeoJSON or an unnamed polygon */
    public PlanningAreaReadResult readGeoJson(Path file, String fileName) throws IOException {
        return map(GeoJsonFeatureSource.read(file));
    }

    /** @throws ImportRejectedException when the file is no GeoPackage or a polygon is unnamed */
    public PlanningAreaReadResult readGeoPackage(Path file, String fileName, String table) {
        return map(GeoPackageFeatureSource.read(file, table));
    }

    private PlanningAreaReadResult map(List<SourceFeature> features) {
        List<String> names = nameProperty == null ? NAME_PROPERTIES : List.of(nameProperty);
        if (nameProperty != null && !features.isEmpty() && features.stream().allMatch(f -> f.property(names) == null)) {
            throw new ImportRejectedException("no feature has the attribute '" + nameProperty + "'; the first has "
                    + new java.util.TreeSet<>(features.get(0).properties().keySet()));
        }
        List<PlanningArea> areas = new ArrayList<>();
        List<ImportSkip> skips = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (SourceFeature f : features) {
            if (f.geometryWgs84() == null || f.geometryWgs84().getDimension() != 2) {
                skips.add(new ImportSkip("feature " + f.number(), "it is not a Polygon or MultiPolygon"));
                continue;
            }
            String name = f.property(names);
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
        return joinSameNames(areas, skips);
    }

    /** One area per name, in order of first appearance, its polygons unioned. */
    static PlanningAreaReadResult joinSameNames(List<PlanningArea> areas, List<ImportSkip> skips) {
        java.util.LinkedHashMap<String, List<org.locationtech.jts.geom.Geometry>> byName = new java.util.LinkedHashMap<>();
        for (PlanningArea a : areas) {
            byName.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a.areaWgs84());
        }
        List<PlanningArea> joined = new ArrayList<>(byName.size());
        byName.forEach((name, parts) -> joined.add(new PlanningArea(name, parts.size() == 1 ? parts.get(0)
                : org.locationtech.jts.operation.union.UnaryUnionOp.union(parts))));
        return new PlanningAreaReadResult(joined, skips, areas.size() - joined.size());
    }
}
