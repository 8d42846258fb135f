package org.sanimap.importing;

import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/**
 * How to read a facility CSV.
 *
 * @param crs           coordinate system of the longitude/latitude columns (default WGS84)
 * @param lonColumn     header of the longitude column, or null to recognise it (lon, lng, longitude, x, 经度)
 * @param latColumn     header of the latitude column, or null to recognise it (lat, latitude, y, 纬度)
 * @param defaultType   type for rows without one, or null (then a type column is required)
 * @param defaultStatus status for rows without one (default in_service)
 * @param statusSinceColumn header of the column that holds since when each row's status holds (a ledger's
 *                      建成时间, say), or null to recognise it (status_since, since, 状态日期, 状态变更日期)
 */
public record CsvReadOptions(CoordinateSystem crs, String lonColumn, String latColumn, FacilityType defaultType,
        FacilityStatus defaultStatus, String statusSinceColumn) {

    public CsvReadOptions(CoordinateSystem crs, String lonColumn, String latColumn, FacilityType defaultType,
            FacilityStatus defaultStatus) {
        this(crs, lonColumn, latColumn, defaultType, defaultStatus, null);
    }

    public CsvReadOptions {
        crs = crs == null ? CoordinateSystem.WGS84 : crs;
        defaultStatus = defaultStatus == null ? FacilityStatus.IN_SERVICE : defaultStatus;
    }

    public static CsvReadOptions defaults() {
        return new CsvReadOptions(CoordinateSystem.WGS84, null, null, null, null);
    }
}
