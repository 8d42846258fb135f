package org.sanimap.progress;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One kept change of a facility or project field: who, when, old -> new.
 *
 * @param id          store identifier
 * @param entityKind  {@code facility} or {@code project}
 * @param entityId    id of the facility or project
 * @param changedAt   when it was recorded
 * @param userName    who made it
 * @param field       the field, e.g. {@code status}, {@code progressPercent}; {@code created} or
 *                    {@code deleted} for the whole record
 * @param oldValue    value before, null when there was none
 * @param newValue    value after, null when there is none
 * @param effectiveOn the date a status change took effect, null for other changes
 * @param note        the note or reason given, may be null
 */
public record ChangeRecord(long id, String entityKind, long entityId, Instant changedAt, String userName, String field,
        String oldValue, String newValue, LocalDate effectiveOn, String note) {

    /** Entity kind of facility changes. */
    public static final String FACILITY = "facility";
    /** Entity kind of project changes. */
    public static final String PROJECT = "project";
}
