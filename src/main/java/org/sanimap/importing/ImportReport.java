package org.sanimap.importing;

import java.util.List;

/**
 * What an import did. Counts add up: {@code read = created + updated + unchanged}; skipped records
 * were left out with a reason (only the first ones are listed in {@code skips}).
 *
 * @param fileName       the imported file's name
 * @param format         the format code it was read as
 * @param target         facilities, demand or districts
 * @param layer          the demand or district layer written, null for facilities
 * @param read           records read and written or found unchanged
 * @param created        new records
 * @param updated        existing records (same source id) that changed
 * @param unchanged      existing records that were already identical
 * @param removed        demand cells or districts of the layer that the file no longer holds, removed (a
 *                       demand or district file replaces its layer); 0 for facilities
 * @param statusDates    records whose source states since when their status holds ({@code status_since},
 *                       OSM {@code start_date}); they date the facilities' timelines
 * @param districtsFromLocation facility records that stated no district and got the one of the planning area they lie
 *                       in
 * @param notInFile      facilities an earlier import of a file of this name brought in that this file no longer
 *                       holds (CSV, GeoJSON, GeoPackage; 0 for OSM, whose ids do not name the extract): kept, not
 *                       deleted
 * @param polygonsJoined districts: polygons that shared their name with an earlier one and were joined to it into
 *                       one area (a district in parts, the parcels of one land-use class); 0 otherwise
 * @param skipped        records left out
 * @param skips          the first skipped records with their location and reason
 * @param durationMillis wall time of the import
 */
public record ImportReport(String fileName, String format, String target, String layer, int read, int created,
        int updated, int unchanged, int removed, int statusDates, int districtsFromLocation, int notInFile, int polygonsJoined, int skipped, List<ImportSkip> skips, long durationMillis) {

    public ImportReport {
        skips = List.copyOf(skips);
    }
}
