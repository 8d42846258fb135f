package org.sanimap.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanimap.facility.FacilityStatus.APPROVED;
import static org.sanimap.facility.FacilityStatus.CANCELLED;
import static org.sanimap.facility.FacilityStatus.COMPLETED;
import static org.sanimap.facility.FacilityStatus.DECOMMISSIONED;
import static org.sanimap.facility.FacilityStatus.IN_SERVICE;
import static org.sanimap.facility.FacilityStatus.PLANNED;
import static org.sanimap.facility.FacilityStatus.SITE_SELECTED;
import static org.sanimap.facility.FacilityStatus.SUSPENDED;
import static org.sanimap.facility.FacilityStatus.UNDER_CONSTRUCTION;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void theMainPathGoesOneStepAtATime() {
        assertThat(Lifecycle.next(PLANNED, null)).containsExactlyInAnyOrder(SITE_SELECTED, SUSPENDED, CANCELLED);
        assertThat(Lifecycle.next(APPROVED, null)).containsExactlyInAnyOrder(UNDER_CONSTRUCTION, SUSPENDED, CANCELLED);
        assertThat(Lifecycle.next(UNDER_CONSTRUCTION, null)).containsExactlyInAnyOrder(COMPLETED, SUSPENDED, CANCELLED);
        assertThat(Lifecycle.next(COMPLETED, null)).containsExactlyInAnyOrder(IN_SERVICE, SUSPENDED, DECOMMISSIONED);
        assertThat(Lifecycle.next(IN_SERVICE, null)).containsExactlyInAnyOrder(SUSPENDED, DECOMMISSIONED);
    }

    @Test
    void aSuspendedFacilityGoesBackWhereItWasSuspendedFrom() {
        assertThat(Lifecycle.next(SUSPENDED, UNDER_CONSTRUCTION))
                .containsExactlyInAnyOrder(UNDER_CONSTRUCTION, CANCELLED, DECOMMISSIONED);
        assertThatThrownBy(() -> Lifecycle.check(SUSPENDED, APPROVED, UNDER_CONSTRUCTION))
                .hasMessage("illegal transition suspended -> approved; from suspended a facility may go to "
                        + "under_construction, cancelled, decommissioned");
    }

    @Test
    void skippingStepsAndLeavingFinalStatusesAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> Lifecycle.check(PLANNED, IN_SERVICE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("illegal transition planned -> in_service; from planned a facility may go to site_selected, "
                        + "suspended, cancelled");
        assertThatThrownBy(() -> Lifecycle.check(CANCELLED, PLANNED, null))
                .hasMessage("illegal transition cancelled -> planned; from cancelled a facility may go to no other status");
        assertThatThrownBy(() -> Lifecycle.check(DECOMMISSIONED, IN_SERVICE, null))
                .hasMessageStartingWith("illegal transition decommissioned -> in_service");
    }
}
