package org.sanimap.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/** The state of one facility on past dates, rebuilt from how it was stored and its timeline. */
class StatusReplayTest {

    private static final Instant STORED = Instant.parse("2025-03-10T08:00:00Z");

    private static Facility toilet(FacilityStatus current) {
        FacilityAttributes a = new FacilityAttributes(FacilityType.PUBLIC_TOILET, current, "East gate", null, null, null,
                null, null, null, null, 120.1, 30.2, FacilitySource.file("file:t.csv:row=2", "t.csv row 2"));
        return new Facility(7, a, STORED, STORED, 1);
    }

    private static Optional<FacilityStatus> on(Facility f, List<Transition> timeline, String date) {
        return StatusReplay.stateOn(f, timeline, FacilityProgress.none(f.id()), LocalDate.parse(date), ZoneOffset.UTC)
                .map(FacilityState::status);
    }

    private static Transition step(FacilityStatus from, FacilityStatus to, String date) {
        return new Transition(1, 7, from, to, LocalDate.parse(date), "admin", null, STORED);
    }

    @Test
    void aFacilityStoredWithoutATimelineCountsFromTheDayItWasStoredWithItsStatus() {
        Facility f = toilet(FacilityStatus.IN_SERVICE);
        assertThat(on(f, List.of(), "2025-03-09")).isEmpty();
        assertThat(on(f, List.of(), "2025-03-10")).contains(FacilityStatus.IN_SERVICE);
    }

    @Test
    void aFacilityImportedWithoutADateAndChangedLaterKeepsItsEarlierStatusBeforeTheChange() {
        // stored in service on 2025-03-10, suspended on 2026-06-01: before the change it was in service, not absent
        Facility f = toilet(FacilityStatus.SUSPENDED);
        List<Transition> timeline = List.of(step(FacilityStatus.IN_SERVICE, FacilityStatus.SUSPENDED, "2026-06-01"));
        assertThat(on(f, timeline, "2025-03-09")).isEmpty();
        assertThat(on(f, timeline, "2025-06-01")).contains(FacilityStatus.IN_SERVICE);
        assertThat(on(f, timeline, "2026-05-31")).contains(FacilityStatus.IN_SERVICE);
        assertThat(on(f, timeline, "2026-06-01")).contains(FacilityStatus.SUSPENDED);
    }

    @Test
    void aTimelineThatStartsWithTheCreationRulesOverTheDayOfStoring() {
        // imported on 2025-03-10 with the date it came into service, 2019-05-01
        Facility f = toilet(FacilityStatus.IN_SERVICE);
        List<Transition> timeline = List.of(step(null, FacilityStatus.IN_SERVICE, "2019-05-01"));
        assertThat(on(f, timeline, "2019-04-30")).isEmpty();
        assertThat(on(f, timeline, "2019-05-01")).contains(FacilityStatus.IN_SERVICE);
        assertThat(on(f, timeline, "2024-01-01")).contains(FacilityStatus.IN_SERVICE);
    }
}
