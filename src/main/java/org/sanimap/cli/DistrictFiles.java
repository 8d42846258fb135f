package org.sanimap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.importing.OsmBoundaryReader;
import org.sanimap.importing.PlanningAreaReadResult;
import org.sanimap.importing.PlanningAreaReader;

/** The district polygons a command's {@code --districts} (and {@code --admin-level}) name, as the engine takes them. */
final class DistrictFiles {

    private DistrictFiles() {
    }

    /**
     * @param adminLevelText {@code --admin-level} as given (OSM extracts), or null
     * @throws IllegalArgumentException when the file is of another kind or the level is no whole number
     */
    static List<DistrictAssigner.NamedArea> read(Path file, String adminLevelText) throws IOException {
        return read(file, adminLevelText, null);
    }

    /**
     * @param adminLevelText {@code --admin-level} as given (OSM extracts), or null
     * @param nameProperty   GeoJSON and GeoPackage: the attribute naming each area, or null for name, 名称, ...;
     *                       OSM: the tag key whose areas are read, named by its value (e.g. landuse)
     * @throws IllegalArgumentException when the file is of another kind or the level is no whole number
     */
    static List<DistrictAssigner.NamedArea> read(Path file, String adminLevelText, String nameProperty) throws IOException {
        String name = file.getFileName().toString();
        Integer adminLevel = adminLevel(adminLevelText);
        PlanningAreaReadResult read = switch (CoverageCommand.format(file)) {
            case GEOJSON -> new PlanningAreaReader(nameProperty).readGeoJson(file, name);
            case GPKG -> new PlanningAreaReader(nameProperty).readGeoPackage(file, name, null);
            case OSM_PBF -> osm(adminLevel, nameProperty).readPbf(file, name);
            case OSM_XML -> osm(adminLevel, nameProperty).readXml(file, name);
            default -> throw new IllegalArgumentException("districts must be GeoJSON or GeoPackage polygons or an OSM extract");
        };
        return read.areas().stream().map(p -> new DistrictAssigner.NamedArea(p.name(), p.areaWgs84())).toList();
    }

    /** OSM: the boundaries of a level, or with a tag key (e.g. landuse) the areas tagged with it, named by its value. */
    private static OsmBoundaryReader osm(Integer adminLevel, String tagKey) {
        return tagKey == null ? new OsmBoundaryReader(adminLevel) : OsmBoundaryReader.byTag(tagKey);
    }

    private static Integer adminLevel(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--admin-level '" + value + "' is not a whole number");
        }
    }
}
