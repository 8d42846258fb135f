package org.sanimap.standards;

import java.time.Instant;

/**
 * A rule as stored.
 *
 * @param id        store identifier
 * @param rule      the rule
 * @param updatedAt last change
 * @param version   optimistic-locking version
 */
public record StoredRule(long id, StandardRule rule, Instant updatedAt, long version) {
}
