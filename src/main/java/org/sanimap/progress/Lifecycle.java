package org.sanimap.progress;

import static org.sanimap.facility.FacilityStatus.APPROVED;
import static org.sanimap.facility.FacilityStatus.CANCELLED;
import static org.sanimap.facility.FacilityStatus.COMPLETED;
import static org.sanimap.facility.FacilityStatus.DECOMMISSIONED;
import static org.sanimap.facility.FacilityStatus.IN_SERVICE;
import static org.sanimap.facility.FacilityStatus.PLANNED;
import static org.sanimap.facility.FacilityStatus.SITE_SELECTED;
import static org.sanimap.facility.FacilityStatus.SUSPENDED;
import static org.sanimap.facility.FacilityStatus.UNDER_CONSTRUCTION;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sanimap.facility.FacilityStatus;

/**
 * The enforced facility lifecycle. One step at a time along planned -> site_selected -> approved ->
 * under_construction -> completed -> in_service; any status before decommissioning may be suspended,
 * and a suspended facility goes back to the status it was suspended from; anything not yet completed
 * may be cancelled; completed, in-service and suspended facilities may be decommissioned. Cancelled
 * and decommissioned are final.
 */
public final class Lifecycle {

    /** The main path, in order. */
    public static final List<FacilityStatus> MAIN_PATH = List.of(PLANNED, SITE_SELECTED, APPROVED, UNDER_CONSTRUCTION,
            COMPLETED, IN_SERVICE);

    private static final Set<FacilityStatus> CANCELLABLE = EnumSet.of(PLANNED, SITE_SELECTED, APPROVED, UNDER_CONSTRUCTION,
            SUSPENDED);
    private static final Set<FacilityStatus> DECOMMISSIONABLE = EnumSet.of(COMPLETED, IN_SERVICE, SUSPENDED);

    private Lifecycle() {
    }

    /**
     * The statuses a facility may go to next.
     *
     * @param from          its current status
     * @param suspendedFrom when {@code from} is suspended: the status it was suspended from (null if unknown)
     */
    public static Set<FacilityStatus> next(FacilityStatus from, FacilityStatus suspendedFrom) {
        Set<FacilityStatus> next = EnumSet.noneOf(FacilityStatus.class);
        int i = MAIN_PATH.indexOf(from);
        if (i >= 0 && i + 1 < MAIN_PATH.size()) {
            next.add(MAIN_PATH.get(i + 1));
        }
        if (i >= 0) {
            next.add(SUSPENDED);
        }
        if (from == SUSPENDED && suspendedFrom != null && suspendedFrom != SUSPENDED) {
            next.add(suspendedFrom);
        }
        if (CANCELLABLE.contains(from)) {
            next.add(CANCELLED);
        }
        if (DECOMMISSIONABLE.contains(from)) {
            next.add(DECOMMISSIONED);
        }
        return next;
    }

    /**
     * Checks one transition.
     *
     * @throws IllegalArgumentException naming the transition and what is allowed instead
     */
    public static void check(FacilityStatus from, FacilityStatus to, FacilityStatus suspendedFrom) {
        Set<FacilityStatus> next = next(from, suspendedFrom);
        if (!next.contains(to)) {
            throw new IllegalArgumentException("illegal transition " + from.code() + " -> " + to.code() + "; from "
                    + from.code() + " a facility may go to " + (next.isEmpty() ? "no other status"
                            : next.stream().map(FacilityStatus::code).collect(Collectors.joining(", "))));
        }
    }
}
