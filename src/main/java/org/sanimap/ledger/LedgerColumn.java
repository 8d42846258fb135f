package org.sanimap.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a ledger, in order, with their Chinese and English headers (both accepted on import). */
public enum LedgerColumn {
    NO("序号", "No"),
    PROJECT("项目名称", "Project"),
    TYPE("设施类型", "Type"),
    DISTRICT("所属区", "District"),
    ADDRESS("地址", "Address"),
    LONGITUDE("经度", "Longitude", "lon", "lng"),
    LATITUDE("纬度", "Latitude", "lat"),
    CRS("坐标系", "CRS", "coordinate system"),
    STATUS("状态", "Status"),
    PLANNED_START("计划开工", "Planned start"),
    ACTUAL_START("实际开工", "Actual start"),
    PLANNED_COMPLETION("计划完工", "Planned completion"),
    ACTUAL_COMPLETION("实际完工", "Actual completion"),
    PROGRESS_PERCENT("进度%", "Progress %", "进度", "progress", "progress percent"),
    RESPONSIBLE_UNIT("责任单位", "Responsible unit", "operator"),
    REMARK("备注", "Remark", "note"),
    FACILITY_ID("设施编号", "Facility ID", "id", "sanimap id");

    private final String chinese;
    private final String english;
    private final List<String> aliases;

    LedgerColumn(String chinese, String english, String... aliases) {
        this.chinese = chinese;
        this.english = english;
        this.aliases = List.of(aliases);
    }

    /** Header in the language asked for ({@code en} gives English, anything else Chinese). */
    public String header(String lang) {
        return "en".equals(lang) ? english : chinese;
    }

    /** The column a header names, ignoring case, spaces and underscores. */
    public static Optional<LedgerColumn> forHeader(String header) {
        String h = normalize(header);
        for (LedgerColumn c : values()) {
            if (normalize(c.chinese).equals(h) || normalize(c.english).equals(h)
                    || c.aliases.stream().anyMatch(a -> normalize(a).equals(h))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static String normalize(String s) {
        return s == null ? "" : s.replace("\uFEFF", "").replaceAll("[\\s_（）()]", "").toLowerCase(Locale.ROOT);
    }
}
