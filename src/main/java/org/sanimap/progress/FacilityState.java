package org.sanimap.progress;

import java.time.LocalDate;
import java.util.List;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityStatus;

/**
 * A facility as it stood on a date: its status then, its progress record and its timeline.
 *
 * @param facility          the facility as stored now (type, district and position are today's)
 * @param status            its status on the date
 * @param progress          its progress record (project, percent, planned milestone dates)
 * @param actualStart       the date it went under construction, null if not by the date
 * @param actualCompletion  the date it was completed, null if not by the date
 * @param overdueMilestone  {@code start} or {@code completion} when a planned milestone date passed
 *                          before the date without being reached, else null
 * @param overdueSince      the planned date of that milestone
 * @param timeline          its whole timeline, oldest first
 */
public record FacilityState(Facility facility, FacilityStatus status, FacilityProgress progress, LocalDate actualStart,
        LocalDate actualCompletion, String overdueMilestone, LocalDate overdueSince, List<Transition> timeline) {

    public boolean overdue() {
        return overdueMilestone != null;
    }
}
