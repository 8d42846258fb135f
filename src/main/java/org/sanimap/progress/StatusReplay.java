package org.sanimap.progress;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityStatus;

/**
 * Rebuilds the state of facilities on a past date from their timelines. A facility whose timeline starts
 * with its creation exists from that entry's date on. One without a timeline (imported in bulk without a
 * date) exists from the day it was stored, with its current status; one whose timeline starts with a
 * change (imported so, changed later) exists from the day it was stored with the status it had before
 * that change.
 */
final class StatusReplay {

    private StatusReplay() {
    }

    static Optional<FacilityState> stateOn(Facility f, List<Transition> timeline, FacilityProgress progress, LocalDate date,
            ZoneId zone) {
        FacilityStatus status = null;
        LocalDate actualStart = null;
        LocalDate actualCompletion = null;
        // no timeline, or one that starts with a change rather than a creation (a facility imported in bulk and
        // changed later): before its first entry the facility had the status it was stored with, from that day on
        boolean startsWithCreation = !timeline.isEmpty() && timeline.get(0).from() == null;
        if (!startsWithCreation && !f.createdAt().atZone(zone).toLocalDate().isAfter(date)) {
            status = timeline.isEmpty() ? f.attributes().status() : timeline.get(0).from();
        }
        for (Transition t : timeline) {
            if (t.effectiveOn().isAfter(date)) {
                break;
            }
            status = t.to();
            if (t.to() == FacilityStatus.UNDER_CONSTRUCTION && actualStart == null) {
                actualStart = t.effectiveOn();
            }
            if (t.to() == FacilityStatus.COMPLETED && actualCompletion == null) {
                actualCompletion = t.effectiveOn();
            }
        }
        if (status == null) {
            return Optional.empty();
        }
        String milestone = null;
        LocalDate since = null;
        boolean ended = status == FacilityStatus.CANCELLED || status == FacilityStatus.DECOMMISSIONED;
        boolean started = actualStart != null || reachedOnMainPath(status, FacilityStatus.UNDER_CONSTRUCTION);
        boolean completed = actualCompletion != null || reachedOnMainPath(status, FacilityStatus.COMPLETED);
        if (!ended && progress.plannedCompletion() != null && progress.plannedCompletion().isBefore(date) && !completed) {
            milestone = "completion";
            since = progress.plannedCompletion();
        } else if (!ended && progress.plannedStart() != null && progress.plannedStart().isBefore(date) && !started) {
            milestone = "start";
            since = progress.plannedStart();
        }
        return Optional.of(new FacilityState(f, status, progress, actualStart, actualCompletion, milestone, since,
                List.copyOf(timeline)));
    }

    private static boolean reachedOnMainPath(FacilityStatus status, FacilityStatus milestone) {
        int i = Lifecycle.MAIN_PATH.indexOf(status);
        return i >= 0 && i >= Lifecycle.MAIN_PATH.indexOf(milestone);
    }

    static List<FacilityState> statesOn(List<Facility> facilities, Map<Long, List<Transition>> timelines,
            Map<Long, FacilityProgress> progress, LocalDate date, ZoneId zone) {
        List<FacilityState> states = new ArrayList<>();
        for (Facility f : facilities) {
            stateOn(f, timelines.getOrDefault(f.id(), List.of()),
                    progress.getOrDefault(f.id(), FacilityProgress.none(f.id())), date, zone).ifPresent(states::add);
        }
        return states;
    }
}
