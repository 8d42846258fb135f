package org.sanimap.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Facility counts on a date, grouped by some of district, status and type.
 *
 * @param asOf      the date
 * @param projectId the project counted, null for the whole registry
 * @param groupBy   the grouping fields, in order ({@code district}, {@code status}, {@code type})
 * @param rows      one row per group present: its field values (district may be null) and count
 * @param total     all facilities counted
 * @param totals    per grouping field: count per value
 */
public record Dashboard(LocalDate asOf, Long projectId, List<String> groupBy, List<Row> rows, long total,
        Map<String, Map<String, Long>> totals) {

    /**
     * @param values field -> value, in the order of groupBy
     * @param count  facilities in the group
     */
    public record Row(Map<String, String> values, long count) {
    }

    /** The grouping fields understood. */
    public static final List<String> FIELDS = List.of("district", "status", "type");
}
