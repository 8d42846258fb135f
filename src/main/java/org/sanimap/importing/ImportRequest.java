package org.sanimap.importing;

import java.nio.file.Path;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/**
 * One file to import and how to read it.
 *
 * @param file                the file on local disk (uploads are spooled to a temporary file)
 * @param fileName            the name the user gave it, used in source keys and messages
 * @param format              the format, or null to detect it from the content
 * @param target              what the file feeds
 * @param layerName           demand or district layer name; defaults to the file name without extension
 * @param crs                 coordinate system of CSV coordinates (default WGS84)
 * @param lonColumn           CSV longitude column name, or null to recognise it
 * @param latColumn           CSV latitude column name, or null to recognise it
 * @param defaultType         type for rows that have none (CSV, GeoJSON), or null
 * @param defaultStatus       status for rows that have none, or null: in_service for new records, while a record
 *                            updating a stored facility keeps its status
 * @param includeWasteBaskets OSM: also import amenity=waste_basket as collection points
 * @param statusSinceColumn   CSV column holding since when each row's status holds, or null to recognise it
 * @param adminLevel          districts from an OSM extract: the {@code admin_level} of the boundaries to read
 * @param districtLayer       facilities: the district layer that names the district of records that state none
 *                            (default: the only stored layer)
 * @param table               GeoPackage: the feature table to read, or null for the only one
 * @param nameProperty        districts and zones from GeoJSON or a GeoPackage: the attribute that names each area
 *                            (e.g. {@code landuse}); null for the first of name, 名称, district ...; from an OSM
 *                            extract: a tag key ({@code landuse}) or key=value ({@code place=suburb}), see
 *                            {@link OsmBoundaryReader#byTag}
 */
public record ImportRequest(Path file, String fileName, ImportFormat format, ImportTarget target, String layerName,
        CoordinateSystem crs, String lonColumn, String latColumn, FacilityType defaultType, FacilityStatus defaultStatus,
        boolean includeWasteBaskets, String statusSinceColumn, Integer adminLevel, String districtLayer, String table,
        String nameProperty) {

    public ImportRequest {
        if (target == null) {
            target = ImportTarget.FACILITIES;
        }
        if (crs == null) {
            crs = CoordinateSystem.WGS84;
        }
        nameProperty = nameProperty == null || nameProperty.isBlank() ? null : nameProperty.trim();
        if (fileName == null || fileName.isBlank()) {
            fileName = file.getFileName().toString();
        }
    }

    /** A facility import of a file with all options at their defaults. */
    public static ImportRequest facilities(Path file, String fileName, ImportFormat format) {
        return new ImportRequest(file, fileName, format, ImportTarget.FACILITIES, null, null, null, null, null, null, false, null, null, null, null, null);
    }

    /** A demand layer import with defaults. */
    public static ImportRequest demand(Path file, String fileName, ImportFormat format, String layerName) {
        return new ImportRequest(file, fileName, format, ImportTarget.DEMAND, layerName, null, null, null, null, null, false, null, null, null, null, null);
    }

    /** The layer name to use: the given one, else the file name without its extension. */
    public String effectiveLayerName() {
        if (layerName != null && !layerName.isBlank()) {
            return layerName.trim();
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
