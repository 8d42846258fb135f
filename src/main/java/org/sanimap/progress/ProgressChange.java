package org.sanimap.progress;

import java.time.LocalDate;

/**
 * A change of a facility's progress record; null fields stay as they are.
 *
 * @param progressPercent   new percent, 0 to 100; lower than before needs a reason
 * @param reason            why (required when the percent goes back), kept in the history
 * @param plannedStart      new planned start of construction
 * @param plannedCompletion new planned completion
 * @param remark            new remark (备注); an empty string clears it
 */
public record ProgressChange(Integer progressPercent, String reason, LocalDate plannedStart, LocalDate plannedCompletion,
        String remark) {
}
