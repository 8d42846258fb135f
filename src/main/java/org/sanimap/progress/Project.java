package org.sanimap.progress;

import java.time.Instant;

/**
 * A stored project.
 *
 * @param id        store identifier
 * @param draft     its content; {@code draft.decidedOn()} is always set once stored
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param version   optimistic-locking version, starts at 1
 */
public record Project(long id, ProjectDraft draft, Instant createdAt, Instant updatedAt, long version) {
}
