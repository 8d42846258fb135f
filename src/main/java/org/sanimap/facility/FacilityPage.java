package org.sanimap.facility;

import java.util.List;

/**
 * One page of a registry search.
 *
 * @param facilities the facilities of this page, ordered by id
 * @param totalCount how many facilities match the whole query
 * @param page       zero-based page number
 * @param size       page size asked for
 */
public record FacilityPage(List<Facility> facilities, long totalCount, int page, int size) {

    public FacilityPage {
        facilities = List.copyOf(facilities);
    }
}
