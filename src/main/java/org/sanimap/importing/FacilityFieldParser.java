package org.sanimap.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.facility.ToiletGrade;

/**
 * Turns the text fields of one imported row or feature into facility attributes, accepting the
 * English codes and the Chinese words bureaus use in their ledgers (公厕, 在建, 是, ...). Messages name
 * the bad value; readers append where it was ("at row 17").
 */
final class FacilityFieldParser {

    /** Canonical field names; readers map their columns or properties onto these. */
    static final String TYPE = "type";
    static final String STATUS = "status";
    static final String NAME = "name";
    static final String ADDRESS = "address";
    static final String DISTRICT = "district";
    static final String CAPACITY = "capacity";
    static final String GRADE = "grade";
    static final String OPENING_HOURS = "opening_hours";
    static final String BARRIER_FREE = "barrier_free";
    static final String OPERATOR = "operator";
    static final String ID = "id";
    /** The date the facility has had its status since (opened, construction started, ...). */
    static final String STATUS_SINCE = "status_since";

    /** Years, months or days: 2019, 2019-06, 2019-06-01, 2019/6/1, 2019.6.1, 2019年6月1日, 2019年6月, 2019年. */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})(?:年|(?:[-/.年](\\d{1,2})(?:月|(?:[-/.月](\\d{1,2})日?))?))?");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{1,2}-\\d{1,2})[T ]\\d{1,2}:\\d{2}.*");
    private static final int FIRST_YEAR = 1900;

    private static final Map<String, FacilityType> CHINESE_TYPES = Map.ofEntries(
            Map.entry("公厕", FacilityType.PUBLIC_TOILET), Map.entry("公共厕所", FacilityType.PUBLIC_TOILET),
            Map.entry("固定公厕", FacilityType.PUBLIC_TOILET), Map.entry("厕所", FacilityType.PUBLIC_TOILET),
            Map.entry("移动厕所", FacilityType.MOBILE_TOILET), Map.entry("移动公厕", FacilityType.MOBILE_TOILET),
            Map.entry("收集点", FacilityType.COLLECTION_POINT), Map.entry("垃圾收集点", FacilityType.COLLECTION_POINT),
            Map.entry("生活垃圾收集点", FacilityType.COLLECTION_POINT),
            Map.entry("收集站", FacilityType.COLLECTION_STATION), Map.entry("垃圾收集站", FacilityType.COLLECTION_STATION),
            Map.entry("生活垃圾收集站", FacilityType.COLLECTION_STATION),
            Map.entry("转运站", FacilityType.TRANSFER_STATION), Map.entry("垃圾转运站", FacilityType.TRANSFER_STATION),
            Map.entry("中转站", FacilityType.TRANSFER_STATION), Map.entry("垃圾中转站", FacilityType.TRANSFER_STATION),
            Map.entry("小型转运站", FacilityType.TRANSFER_STATION));

    private static final Map<String, FacilityStatus> CHINESE_STATUSES = Map.ofEntries(
            Map.entry("规划", FacilityStatus.PLANNED), Map.entry("计划", FacilityStatus.PLANNED),
            Map.entry("已选址", FacilityStatus.SITE_SELECTED), Map.entry("选址", FacilityStatus.SITE_SELECTED),
            Map.entry("已批复", FacilityStatus.APPROVED), Map.entry("已审批", FacilityStatus.APPROVED),
            Map.entry("在建", FacilityStatus.UNDER_CONSTRUCTION), Map.entry("施工中", FacilityStatus.UNDER_CONSTRUCTION),
            Map.entry("已建成", FacilityStatus.COMPLETED), Map.entry("完工", FacilityStatus.COMPLETED),
            Map.entry("建成", FacilityStatus.COMPLETED),
            Map.entry("在用", FacilityStatus.IN_SERVICE), Map.entry("运营", FacilityStatus.IN_SERVICE),
            Map.entry("使用中", FacilityStatus.IN_SERVICE), Map.entry("投入使用", FacilityStatus.IN_SERVICE),
            Map.entry("暂停", FacilityStatus.SUSPENDED), Map.entry("停用", FacilityStatus.DECOMMISSIONED),
            Map.entry("拆除", FacilityStatus.DECOMMISSIONED), Map.entry("废弃", FacilityStatus.DECOMMISSIONED));

    private FacilityFieldParser() {
    }

    /**
     * @param field         canonical field name → text (null or blank when absent)
     * @param lonWgs84      longitude already converted to WGS84
     * @param latWgs84      latitude already converted to WGS84
     * @param defaultType   used when the type field is empty, may be null
     * @param defaultStatus used when the status field is empty
     * @throws IllegalArgumentException with the exact problem
     */
    static FacilityAttributes parse(Function<String, String> field, double lonWgs84, double latWgs84,
            FacilityType defaultType, FacilityStatus defaultStatus, FacilitySource source) {
        String typeText = blankToNull(field.apply(TYPE));
        FacilityType type = typeText == null ? defaultType : type(typeText);
        if (type == null) {
            throw new IllegalArgumentException("facility type is missing; give a type column or a default type ("
                    + FacilityType.codes() + ")");
        }
        String statusText = blankToNull(field.apply(STATUS));
        String grade = blankToNull(field.apply(GRADE));
        return new FacilityAttributes(type, statusText == null ? defaultStatus : status(statusText),
                field.apply(NAME), field.apply(ADDRESS), field.apply(DISTRICT), number(field.apply(CAPACITY), "capacity"),
                grade == null ? null : ToiletGrade.fromCode(grade), field.apply(OPENING_HOURS),
                bool(field.apply(BARRIER_FREE)), field.apply(OPERATOR), lonWgs84, latWgs84, source);
    }

    /** Whether the record states a status of its own (else it takes the default). */
    static boolean statesStatus(Function<String, String> field) {
        return blankToNull(field.apply(STATUS)) != null;
    }

    static FacilityType type(String text) {
        FacilityType chinese = CHINESE_TYPES.get(text.trim());
        return chinese != null ? chinese : FacilityType.fromCode(text);
    }

    static FacilityStatus status(String text) {
        FacilityStatus chinese = CHINESE_STATUSES.get(text.trim());
        return chinese != null ? chinese : FacilityStatus.fromCode(text);
    }

    /** A coordinate or other number; "95,2" is refused rather than guessed. */
    static double coordinate(String text, String name) {
        String t = blankToNull(text);
        if (t == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + t + "' is not a number");
        }
    }

    static Double number(String text, String name) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + t + "' is not a number");
        }
    }

    static Boolean bool(String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "y", "是", "有" -> Boolean.TRUE;
            case "no", "false", "0", "n", "否", "无" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("barrier-free value '" + t + "' is not yes/no");
        };
    }

    /**
     * A {@link #STATUS_SINCE} value as a date: a year or a month stands for its first day. Null for a blank
     * value.
     *
     * @throws IllegalArgumentException for text that is not such a date, a date before 1900 or after {@code today}
     */
    static LocalDate statusSince(String text, LocalDate today) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        // a date with a time of day (GeoPackage DATETIME, spreadsheet exports): the day counts
        Matcher withTime = DATE_TIME.matcher(t);
        Matcher m = DATE.matcher(withTime.matches() ? withTime.group(1) : t);
        LocalDate date = null;
        if (m.matches()) {
            try {
                date = LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                date = null;
            }
        }
        if (date == null) {
            throw new IllegalArgumentException(STATUS_SINCE + " '" + t + "' is not a date (yyyy-mm-dd, yyyy-mm or yyyy, "
                    + "or 2019年6月1日)");
        }
        if (date.getYear() < FIRST_YEAR) {
            throw new IllegalArgumentException(STATUS_SINCE + " " + t + " is before " + FIRST_YEAR);
        }
        if (date.isAfter(today)) {
            throw new IllegalArgumentException(STATUS_SINCE + " " + t + " is after today (" + today + ")");
        }
        return date;
    }

    /**
     * The same for sources whose dates are free text (OpenStreetMap's {@code start_date}: "~1990", "1990s",
     * "before 2000"): empty instead of an error where the text is no such date.
     */
    static Optional<LocalDate> statusSinceIfDate(String text, LocalDate today) {
        try {
            return Optional.ofNullable(statusSince(text, today));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
