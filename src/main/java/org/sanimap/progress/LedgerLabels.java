package org.sanimap.progress;

import java.util.Locale;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/** Chinese labels of types and statuses as bureau ledgers write them, and their parsing (codes accepted too). */
public final class LedgerLabels {

    private LedgerLabels() {
    }

    /** The Chinese label of a status, e.g. 在建 for under_construction. */
    public static String status(FacilityStatus s) {
        return switch (s) {
            case PLANNED -> "规划";
            case SITE_SELECTED -> "已选址";
            case APPROVED -> "已批复";
            case UNDER_CONSTRUCTION -> "在建";
            case COMPLETED -> "已建成";
            case IN_SERVICE -> "已投用";
            case SUSPENDED -> "暂停";
            case CANCELLED -> "已取消";
            case DECOMMISSIONED -> "已停用";
        };
    }

    /** The Chinese label of a type, e.g. 公共厕所. */
    public static String type(FacilityType t) {
        return switch (t) {
            case PUBLIC_TOILET -> "公共厕所";
            case MOBILE_TOILET -> "移动厕所";
            case COLLECTION_POINT -> "垃圾收集点";
            case COLLECTION_STATION -> "垃圾收集站";
            case TRANSFER_STATION -> "垃圾转运站";
        };
    }

    /**
     * Parses a status label or code.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static FacilityStatus parseStatus(String value) {
        String v = value == null ? "" : value.strip();
        for (FacilityStatus s : FacilityStatus.values()) {
            if (status(s).equals(v)) {
                return s;
            }
        }
        switch (v) {
            case "规划中", "计划", "拟建":
                return FacilityStatus.PLANNED;
            case "已建", "完工", "已完工", "建成":
                return FacilityStatus.COMPLETED;
            case "施工中", "建设中", "在建中":
                return FacilityStatus.UNDER_CONSTRUCTION;
            case "在用", "运行", "已运行", "投用":
                return FacilityStatus.IN_SERVICE;
            default:
                break;
        }
        try {
            return FacilityStatus.fromCode(v.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status '" + value + "'; expected one of " + FacilityStatus.codes()
                    + " or 规划, 已选址, 已批复, 在建, 已建成, 已投用, 暂停, 已取消, 已停用");
        }
    }

    /**
     * Parses a type label or code.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static FacilityType parseType(String value) {
        String v = value == null ? "" : value.strip();
        for (FacilityType t : FacilityType.values()) {
            if (type(t).equals(v)) {
                return t;
            }
        }
        switch (v) {
            case "公厕":
                return FacilityType.PUBLIC_TOILET;
            case "移动公厕":
                return FacilityType.MOBILE_TOILET;
            default:
                break;
        }
        try {
            return FacilityType.fromCode(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown facility type '" + value + "'; expected one of " + FacilityType.codes()
                    + " or 公共厕所, 移动厕所, 垃圾收集点, 垃圾收集站, 垃圾转运站");
        }
    }
}
