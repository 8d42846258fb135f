package org.sanimap.facility;

import java.time.Instant;

/**
 * A stored facility.
 *
 * @param id         store identifier
 * @param attributes the editable content
 * @param createdAt  when the record was first stored
 * @param updatedAt  when the record was last changed
 * @param version    optimistic-locking version; starts at 1, grows by one on every change
 */
public record Facility(long id, FacilityAttributes attributes, Instant createdAt, Instant updatedAt, long version) {
}
