package org.sanimap.facility;

/**
 * What a bulk write did.
 *
 * @param created   records that did not exist before
 * @param updated   existing records (same source key) whose content changed
 * @param unchanged existing records whose content was already the same
 */
public record UpsertCounts(int created, int updated, int unchanged) {
}
