package org.sanimap.facility;

/**
 * What a bulk write did.
 *
 * @param created   records that did not exist before
 * @param updated   existing records (same source key) whose content changed
 * @param unchanged existing records whose content was already the same
 * @param removed   existing records the written set no longer holds, removed (layers that a file replaces)
 */
public record UpsertCounts(int created, int updated, int unchanged, int removed) {

    /** A write that removes nothing. */
    public UpsertCounts(int created, int updated, int unchanged) {
        this(created, updated, unchanged, 0);
    }
}
