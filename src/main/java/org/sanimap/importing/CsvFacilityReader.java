package org.sanimap.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanimap.engine.crs.LonLat;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitySource;

/**
 * Reads facilities from a CSV with longitude/latitude columns. Headers are recognised in English and
 * Chinese (经度, 纬度, 名称, 地址, 类型, 状态, 所属区, 容量, 等级, 开放时间, 无障碍, 责任单位, 编号 ...);
 * coordinates are converted from the chosen {@link CoordinateSystem} to WGS84. Any invalid row
 * rejects the whole file, listing every problem with its row (the header is row 1).
 */
public final class CsvFacilityReader {

    static final Map<String, List<String>> SYNONYMS = new LinkedHashMap<>();

    static {
        SYNONYMS.put(FacilityFieldParser.ID, List.of("id", "编号", "设施编号", "序号", "code"));
        SYNONYMS.put(FacilityFieldParser.TYPE, List.of("type", "facility_type", "类型", "设施类型"));
        SYNONYMS.put(FacilityFieldParser.STATUS, List.of("status", "状态", "建设状态"));
        SYNONYMS.put(FacilityFieldParser.NAME, List.of("name", "名称", "设施名称", "项目名称"));
        SYNONYMS.put(FacilityFieldParser.ADDRESS, List.of("address", "地址", "位置"));
        SYNONYMS.put(FacilityFieldParser.DISTRICT, List.of("district", "所属区", "区", "行政区", "区县", "所在区"));
        SYNONYMS.put(FacilityFieldParser.CAPACITY, List.of("capacity", "容量", "规模", "蹲位数", "处理能力"));
        SYNONYMS.put(FacilityFieldParser.GRADE, List.of("toilet_grade", "grade", "等级", "类别"));
        SYNONYMS.put(FacilityFieldParser.OPENING_HOURS, List.of("opening_hours", "开放时间"));
        SYNONYMS.put(FacilityFieldParser.BARRIER_FREE, List.of("barrier_free", "wheelchair", "无障碍"));
        SYNONYMS.put(FacilityFieldParser.OPERATOR, List.of("operator", "管理单位", "责任单位", "运营单位"));
        SYNONYMS.put(FacilityFieldParser.STATUS_SINCE, List.of("status_since", "since", "状态日期", "状态变更日期"));
    }

    static final String[] LON_NAMES = {"lon", "lng", "long", "longitude", "x", "经度"};
    static final String[] LAT_NAMES = {"lat", "latitude", "y", "纬度"};

    private final CsvReadOptions options;

    public CsvFacilityReader(CsvReadOptions options) {
        this.options = options;
    }

    /**
     * @param fileName used in source keys ({@code file:NAME:id=..} or {@code file:NAME:row=..})
     * @throws ImportRejectedException listing every invalid row; nothing is returned then
     */
    public FacilityReadResult read(Path file, String fileName) throws IOException {
        CsvTable table = CsvTable.read(file);
        int lon = table.column(options.lonColumn(), LON_NAMES).orElseThrow(() -> new ImportRejectedException(
                "no longitude column (lon, lng, longitude, x or 经度); the header has " + table.headers()));
        int lat = table.column(options.latColumn(), LAT_NAMES).orElseThrow(() -> new ImportRejectedException(
                "no latitude column (lat, latitude, y or 纬度); the header has " + table.headers()));
        Map<String, Integer> columns = table.columns(SYNONYMS);
        if (table.rows().isEmpty()) {
            throw new ImportRejectedException(fileName + " has a header but no data rows");
        }
        List<FacilityAttributes> facilities = new ArrayList<>();
        List<LocalDate> statusSince = new ArrayList<>();
        List<Boolean> statusStated = new ArrayList<>();
        LocalDate today = LocalDate.now();
        Integer sinceColumn = options.statusSinceColumn() != null
                ? table.column(options.statusSinceColumn()).orElseThrow() // a named column that is absent rejects the file
                : columns.get(FacilityFieldParser.STATUS_SINCE);
        List<String> errors = new ArrayList<>();
        Map<String, Integer> seenIds = new HashMap<>();
        Integer idColumn = columns.get(FacilityFieldParser.ID);
        for (CsvTable.Row row : table.rows()) {
            try {
                String id = idColumn == null ? null : FacilityFieldParser.blankToNull(row.get(idColumn));
                if (id != null && seenIds.putIfAbsent(id, row.number()) != null) {
                    throw new IllegalArgumentException("id '" + id + "' repeats row " + seenIds.get(id));
                }
                double x = FacilityFieldParser.coordinate(row.get(lon), "longitude");
                double y = FacilityFieldParser.coordinate(row.get(lat), "latitude");
                checkRange(x, y);
                LonLat wgs84 = options.crs().toWgs84(x, y);
                String key = FacilitySource.fileKeyPrefix(fileName) + (id != null ? "id=" + id : "row=" + row.number());
                FacilitySource source = FacilitySource.file(key, fileName + " row " + row.number());
                java.util.function.Function<String, String> field = name -> {
                    Integer c = columns.get(name);
                    return c == null ? null : row.get(c);
                };
                FacilityAttributes a = FacilityFieldParser.parse(field, wgs84.lon(), wgs84.lat(), options.defaultType(),
                        options.defaultStatus(), source);
                LocalDate since = sinceColumn == null ? null : FacilityFieldParser.statusSince(row.get(sinceColumn), today);
                facilities.add(a);
                statusSince.add(since);
                statusStated.add(FacilityFieldParser.statesStatus(field));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage() + " at row " + row.number());
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new FacilityReadResult(facilities, statusSince, statusStated, List.of());
    }

    /** Range check on the values as written, before any datum shift, so the message shows them. */
    static void checkRange(double lon, double lat) {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude " + lon + " out of range [-180, 180]");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude " + lat + " out of range [-90, 90]");
        }
    }
}
