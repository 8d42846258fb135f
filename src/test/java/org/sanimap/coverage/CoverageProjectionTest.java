package org.sanimap.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.progress.FacilityProgress;
import org.sanimap.progress.FacilityState;

/** Which facilities a projection as planned counts as in service on a day ahead. */
class CoverageProjectionTest {

    private static final LocalDate DAY = LocalDate.of(2027, 6, 30);

    private static FacilityState state(long id, FacilityStatus status, LocalDate plannedCompletion) {
        FacilityAttributes a = new FacilityAttributes(FacilityType.PUBLIC_TOILET, status, "公厕 " + id, null, null, null, null,
                null, null, null, 119.3, 26.07, FacilitySource.manual());
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new FacilityState(new Facility(id, a, t, t, 1), status,
                new FacilityProgress(id, 1L, 0, null, plannedCompletion, null), null, null, null, null, List.of());
    }

    @Test
    void facilitiesOnTheWayAndDueByTheDayCountAsInServiceTheOthersKeepTheirStatus() {
        List<FacilityState> today = List.of(
                state(1, FacilityStatus.UNDER_CONSTRUCTION, DAY),              // due that day
                state(2, FacilityStatus.PLANNED, DAY.plusDays(1)),             // due the day after
                state(3, FacilityStatus.APPROVED, LocalDate.of(2026, 3, 1)),   // overdue: the plan says done
                state(4, FacilityStatus.COMPLETED, DAY.minusMonths(1)),        // built, due to open
                state(5, FacilityStatus.UNDER_CONSTRUCTION, null),             // no planned completion
                state(6, FacilityStatus.SUSPENDED, DAY.minusMonths(1)),        // suspended stays suspended
                state(7, FacilityStatus.CANCELLED, DAY.minusMonths(1)),
                state(8, FacilityStatus.IN_SERVICE, null));
        List<FacilityStatus> projected = CoverageService.projected(today, DAY).stream().map(FacilityState::status).toList();
        assertThat(projected).containsExactly(FacilityStatus.IN_SERVICE, FacilityStatus.PLANNED, FacilityStatus.IN_SERVICE,
                FacilityStatus.IN_SERVICE, FacilityStatus.UNDER_CONSTRUCTION, FacilityStatus.SUSPENDED, FacilityStatus.CANCELLED,
                FacilityStatus.IN_SERVICE);
    }
}
