package org.sanimap.facility;

import java.util.Set;

/**
 * A filter over the registry. Empty sets and null values mean "no restriction".
 *
 * @param bboxWgs84 minLon, minLat, maxLon, maxLat in degrees, or null
 * @param types     facility types to keep
 * @param statuses  statuses to keep
 * @param district  exact district name, or null
 * @param page      zero-based page number
 * @param size      page size, 1 to {@link #MAX_PAGE_SIZE}
 */
public record FacilityQuery(double[] bboxWgs84, Set<FacilityType> types, Set<FacilityStatus> statuses,
        String district, int page, int size) {

    public static final int DEFAULT_PAGE_SIZE = 5000;
    public static final int MAX_PAGE_SIZE = 20000;

    public FacilityQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (page < 0) {
            throw new IllegalArgumentException("page " + page + " must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size " + size + " out of range [1, " + MAX_PAGE_SIZE + "]");
        }
        if (bboxWgs84 != null) {
            bboxWgs84 = bboxWgs84.clone();
        }
    }

    /** Everything, first page of the default size. */
    public static FacilityQuery all() {
        return new FacilityQuery(null, Set.of(), Set.of(), null, 0, DEFAULT_PAGE_SIZE);
    }
}
