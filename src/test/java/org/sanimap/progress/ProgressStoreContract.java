package org.sanimap.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityService;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Projects, timelines, progress and history on a store; one subclass per store. Expected values come
 * from what the test wrote.
 */
abstract class ProgressStoreContract {

    @Autowired
    ProgressService service;
    @Autowired
    FacilityService facilities;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyStore() {
        jdbc.update("DELETE FROM facility_progress");
        jdbc.update("DELETE FROM facility_transition");
        jdbc.update("DELETE FROM change_log");
        jdbc.update("DELETE FROM siting_acceptance"); // refers to projects (the siting store tests leave some)
        jdbc.update("DELETE FROM project");
        jdbc.update("DELETE FROM facility");
    }

    static ProjectDraft draft(String name, int target, List<String> districts) {
        return new ProjectDraft(name, FacilityType.PUBLIC_TOILET, target, districts, 1.2e7, FundingModel.GOVERNMENT,
                "市环卫处", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 1, 15));
    }

    static List<FacilityAttributes> toilets(int n, List<String> districts) {
        List<FacilityAttributes> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.PLANNED, "公厕 " + i, "路 " + i + " 号",
                    districts.get(i % districts.size()), null, null, null, null, null, 119.3 + i * 0.001, 26.07,
                    FacilitySource.manual()));
        }
        return out;
    }

    @Test
    void aProjectAndItsPlannedFacilitiesAreStoredTogether() {
        Project p = service.createProjectWithPlannedFacilities(draft("2026 公厕新建", 3, List.of("鼓楼区", "台江区")),
                toilets(3, List.of("鼓楼区", "台江区")), "planner1");

        Project read = service.project(p.id());
        assertThat(read.draft()).isEqualTo(draft("2026 公厕新建", 3, List.of("鼓楼区", "台江区")));
        assertThat(read.version()).isEqualTo(1);
        List<Long> ids = service.facilityIds(p.id());
        assertThat(ids).hasSize(3);
        Facility first = facilities.get(ids.get(0));
        assertThat(first.attributes().status()).isEqualTo(FacilityStatus.PLANNED);
        assertThat(first.attributes().operator()).isEqualTo("市环卫处");
        FacilityProgress progress = service.progress(ids.get(0));
        assertThat(progress).isEqualTo(new FacilityProgress(ids.get(0), p.id(), 0, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 9, 30), null));
        List<Transition> timeline = service.timeline(ids.get(0));
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).from()).isNull();
        assertThat(timeline.get(0).to()).isEqualTo(FacilityStatus.PLANNED);
        assertThat(timeline.get(0).effectiveOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(timeline.get(0).userName()).isEqualTo("planner1");
    }

    @Test
    void facilityCountsComeForEveryProjectAtOnce() {
        Project three = service.createProjectWithPlannedFacilities(draft("2026 公厕新建", 3, List.of("鼓楼区")),
                toilets(3, List.of("鼓楼区")), "planner1");
        Project two = service.createProjectWithPlannedFacilities(draft("2027 公厕新建", 2, List.of("台江区")),
                toilets(2, List.of("台江区")), "planner1");
        Project none = service.createProject(draft("2028 公厕新建", 5, List.of("台江区")), "planner1");

        assertThat(service.facilityCounts()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(three.id(), 3, two.id(), 2))
                .doesNotContainKey(none.id());
    }

    @Test
    void aBadFacilityLeavesNeitherTheProjectNorAnyFacility() {
        List<FacilityAttributes> planned = toilets(3, List.of("鼓楼区"));
        planned.set(2, planned.get(2).movedTo(119.4, 26.1));
        List<FacilityAttributes> withStranger = new ArrayList<>(planned);
        withStranger.add(new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.PLANNED, "x", null, "晋安区", null,
                null, null, null, null, 119.3, 26.0, FacilitySource.manual()));

        assertThatThrownBy(() -> service.createProjectWithPlannedFacilities(draft("p", 4, List.of("鼓楼区")), withStranger, "u"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("facility 4: district '晋安区' is not one of the project's districts [鼓楼区]");
        assertThat(service.projects()).isEmpty();
        assertThat(facilities.count()).isZero();
    }

    @Test
    void transitionsAreDatedCheckedAndKeptWithTheirUser() {
        Project p = service.createProjectWithPlannedFacilities(draft("p", 1, List.of("鼓楼区")), toilets(1, List.of("鼓楼区")), "pl");
        long id = service.facilityIds(p.id()).get(0);

        service.transition(new TransitionRequest(id, FacilityStatus.SITE_SELECTED, LocalDate.of(2026, 2, 1), "选址完成", null), "m1");
        service.transition(new TransitionRequest(id, FacilityStatus.APPROVED, LocalDate.of(2026, 2, 20), null, null), "m1");
        service.transition(new TransitionRequest(id, FacilityStatus.UNDER_CONSTRUCTION, LocalDate.of(2026, 3, 5), null, 10), "m2");
        assertThatThrownBy(() -> service.transition(new TransitionRequest(id, FacilityStatus.IN_SERVICE,
                LocalDate.of(2026, 4, 1), null, null), "m2"))
                .hasMessage("illegal transition under_construction -> in_service; from under_construction a facility may go "
                        + "to completed, suspended, cancelled");
        assertThatThrownBy(() -> service.transition(new TransitionRequest(id, FacilityStatus.COMPLETED,
                LocalDate.of(2026, 3, 1), null, null), "m2"))
                .hasMessage("transition date 2026-03-01 is before the facility's last transition on 2026-03-05");
        service.transition(new TransitionRequest(id, FacilityStatus.COMPLETED, LocalDate.of(2026, 6, 10), null, null), "m2");

        assertThat(facilities.get(id).attributes().status()).isEqualTo(FacilityStatus.COMPLETED);
        assertThat(service.timeline(id)).extracting(Transition::to).containsExactly(FacilityStatus.PLANNED,
                FacilityStatus.SITE_SELECTED, FacilityStatus.APPROVED, FacilityStatus.UNDER_CONSTRUCTION, FacilityStatus.COMPLETED);
        assertThat(service.progress(id).progressPercent()).isEqualTo(100);

        List<ChangeRecord> history = service.facilityHistory(id);
        assertThat(history).extracting(c -> c.field() + ":" + c.oldValue() + "->" + c.newValue() + "@" + c.userName())
                .containsExactly(
                        "created:null->public_toilet, planned@pl",
                        "status:planned->site_selected@m1",
                        "status:site_selected->approved@m1",
                        "status:approved->under_construction@m2",
                        "progressPercent:0->10@m2",
                        "status:under_construction->completed@m2",
                        "progressPercent:10->100@m2");
        assertThat(history.get(1).note()).isEqualTo("选址完成");
        assertThat(history.get(1).effectiveOn()).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void progressGoingBackNeedsAReason() {
        Project p = service.createProjectWithPlannedFacilities(draft("p", 1, List.of()), toilets(1, List.of("鼓楼区")), "pl");
        long id = service.facilityIds(p.id()).get(0);
        service.updateProgress(id, new ProgressChange(60, null, null, null, null), "m");
        assertThatThrownBy(() -> service.updateProgress(id, new ProgressChange(40, " ", null, null, null), "m"))
                .hasMessage("progress of facility " + id + " would go back from 60% to 40%: a reason is required");
        assertThatThrownBy(() -> service.updateProgress(id, new ProgressChange(101, null, null, null, null), "m"))
                .hasMessage("progressPercent 101 out of range [0, 100]");
        service.updateProgress(id, new ProgressChange(40, "返工：基础不合格", null, null, null), "m");
        assertThat(service.progress(id).progressPercent()).isEqualTo(40);
        ChangeRecord last = service.facilityHistory(id).get(service.facilityHistory(id).size() - 1);
        assertThat(last.field()).isEqualTo("progressPercent");
        assertThat(last.note()).isEqualTo("返工：基础不合格");
    }

    @Test
    void theStateOnAPastDateFollowsTheEffectiveDates() {
        Project p = service.createProjectWithPlannedFacilities(draft("p", 2, List.of("鼓楼区")), toilets(2, List.of("鼓楼区")), "pl");
        long a = service.facilityIds(p.id()).get(0);
        for (FacilityStatus s : List.of(FacilityStatus.SITE_SELECTED, FacilityStatus.APPROVED, FacilityStatus.UNDER_CONSTRUCTION)) {
            service.transition(new TransitionRequest(a, s, LocalDate.of(2026, 4, 1), null, null), "m");
        }
        service.transition(new TransitionRequest(a, FacilityStatus.COMPLETED, LocalDate.of(2026, 7, 15), null, null), "m");

        Dashboard before = service.dashboard(List.of("status"), LocalDate.of(2026, 1, 14), p.id());
        assertThat(before.total()).isZero();
        Dashboard june = service.dashboard(List.of("status"), LocalDate.of(2026, 6, 30), p.id());
        assertThat(june.totals().get("status")).containsEntry("planned", 1L).containsEntry("under_construction", 1L).hasSize(2);
        Dashboard now = service.dashboard(List.of("status"), null, p.id());
        assertThat(now.totals().get("status")).containsEntry("planned", 1L).containsEntry("completed", 1L).hasSize(2);
        // the second toilet never started: its planned start (2026-03-01) passed
        assertThat(service.overdue(LocalDate.of(2026, 6, 30), p.id())).extracting(s -> s.facility().id() + ":" + s.overdueMilestone())
                .containsExactly(service.facilityIds(p.id()).get(1) + ":start");
        // after the planned end (2026-09-30) both unfinished milestones count as completion overdue; a is done
        assertThat(service.overdue(LocalDate.of(2026, 10, 2), p.id())).extracting(FacilityState::overdueMilestone)
                .containsExactly("completion");
    }

    @Test
    void bulkImportedFacilitiesEnterTheHistoryButNotTheTimeline() {
        String prefix = "file:bulk-" + System.nanoTime() + "-";
        List<FacilityAttributes> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(new FacilityAttributes(FacilityType.COLLECTION_STATION, FacilityStatus.IN_SERVICE, "收集站 " + i, null,
                    "鼓楼区", null, null, null, null, null, 119.31 + i * 0.001, 26.08,
                    new FacilitySource(FacilitySource.FILE, prefix + i, "stations.csv row " + (i + 2))));
        }
        assertThat(facilities.upsertBySourceKey(records).created()).isEqualTo(3);
        List<Facility> imported = facilities.all(java.util.Set.of(FacilityType.COLLECTION_STATION), java.util.Set.of(FacilityStatus.IN_SERVICE))
                .stream().filter(f -> f.attributes().source().key().startsWith(prefix)).toList();
        assertThat(imported).hasSize(3);
        for (Facility f : imported) {
            List<ChangeRecord> history = service.facilityHistory(f.id());
            assertThat(history).extracting(ChangeRecord::field).containsExactly("created");
            assertThat(history.get(0).newValue()).isEqualTo("collection_station, in_service");
            assertThat(history.get(0).note()).isEqualTo("imported: " + f.attributes().source().detail());
            assertThat(history.get(0).userName()).isEqualTo(ChangeContext.SYSTEM);
            assertThat(service.timeline(f.id())).isEmpty();
        }
        // importing the same records again creates nothing and records nothing
        assertThat(facilities.upsertBySourceKey(records).unchanged()).isEqualTo(3);
        assertThat(service.facilityHistory(imported.get(0).id())).hasSize(1);
    }

    @Test
    void registryEditsEnterTheHistoryAndTheTimeline() {
        Facility f = facilities.create(toilets(1, List.of("鼓楼区")).get(0).withStatus(FacilityStatus.IN_SERVICE));
        facilities.update(f.id(), f.attributes().withStatus(FacilityStatus.SUSPENDED), f.version());
        assertThat(service.timeline(f.id())).extracting(t -> t.from() + "->" + t.to())
                .containsExactly("null->IN_SERVICE", "IN_SERVICE->SUSPENDED");
        assertThat(service.facilityHistory(f.id())).extracting(ChangeRecord::field).containsExactly("created", "status");
        assertThat(service.facilityHistory(f.id())).extracting(ChangeRecord::userName).containsOnly(ChangeContext.SYSTEM);
    }
    @Test
    void bulkImportedFacilitiesWithAStatusDateStartTheirTimelineOnIt() {
        String prefix = "file:dated-" + System.nanoTime() + "-";
        List<FacilityAttributes> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.IN_SERVICE, "公厕 " + i, null, "台江区",
                    null, null, null, null, null, 119.32 + i * 0.001, 26.06,
                    new FacilitySource(FacilitySource.FILE, prefix + i, "toilets.csv row " + (i + 2))));
        }
        assertThat(facilities.upsertBySourceKey(records, java.util.Arrays.asList(LocalDate.of(2015, 4, 1), null,
                LocalDate.of(2020, 10, 1))).created()).isEqualTo(3);
        List<Facility> imported = facilities.all(java.util.Set.of(FacilityType.PUBLIC_TOILET), java.util.Set.of(FacilityStatus.IN_SERVICE))
                .stream().filter(f -> f.attributes().source().key().startsWith(prefix))
                .sorted(java.util.Comparator.comparing(f -> f.attributes().source().key())).toList();
        assertThat(service.timeline(imported.get(0).id())).singleElement().satisfies(t -> {
            assertThat(t.from()).isNull();
            assertThat(t.to()).isEqualTo(FacilityStatus.IN_SERVICE);
            assertThat(t.effectiveOn()).isEqualTo(LocalDate.of(2015, 4, 1));
            assertThat(t.note()).isEqualTo("imported: toilets.csv row 2");
        });
        assertThat(service.timeline(imported.get(1).id())).isEmpty();
        assertThat(service.timeline(imported.get(2).id())).extracting(Transition::effectiveOn).containsExactly(LocalDate.of(2020, 10, 1));

        // the same records again, now all dated: only the one without a timeline gets its first entry
        assertThat(facilities.upsertBySourceKey(records, java.util.Collections.nCopies(3, LocalDate.of(2018, 1, 1))).unchanged())
                .isEqualTo(3);
        assertThat(service.timeline(imported.get(0).id())).extracting(Transition::effectiveOn).containsExactly(LocalDate.of(2015, 4, 1));
        assertThat(service.timeline(imported.get(1).id())).singleElement().satisfies(t -> {
            assertThat(t.effectiveOn()).isEqualTo(LocalDate.of(2018, 1, 1));
            assertThat(t.note()).isEqualTo("dated by import: toilets.csv row 3");
        });
        assertThat(service.timeline(imported.get(2).id())).extracting(Transition::effectiveOn).containsExactly(LocalDate.of(2020, 10, 1));
    }
}
