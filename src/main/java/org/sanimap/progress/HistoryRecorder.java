package org.sanimap.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitiesImported;
import org.sanimap.facility.FacilityChanged;
import org.sanimap.facility.FacilityStatusChanging;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the history of every facility change announced by the registry (who, when, old -> new per
 * field), in the registry's transaction. Status changes made outside the lifecycle (registry edits,
 * imports) also enter the status timeline, dated the day they were made or, for imports whose source
 * states it, the date the new status holds since.
 */
@Component
class HistoryRecorder {

    private final ProgressRepository repository;
    private final Clock clock;

    HistoryRecorder(ProgressRepository repository) {
        this.repository = repository;
        this.clock = Clock.systemDefaultZone();
    }

    /**
     * A registry edit may change a status only by one lifecycle step (the same rule as
     * {@code POST /api/facilities/{id}/transitions}); anything else is refused before it is written.
     */
    @EventListener
    void statusChanging(FacilityStatusChanging event) {
        Lifecycle.check(event.from(), event.to(), ProgressService.suspendedFrom(repository.transitionsOf(event.facilityId())));
    }

    @EventListener
    void facilityChanged(FacilityChanged event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String user = ChangeContext.userName();
        ChangeContext.Scope scope = ChangeContext.current().orElse(null);
        String note = scope == null ? null : scope.note();
        LocalDate effectiveOn = event.statusSince() != null ? event.statusSince()
                : scope == null || scope.effectiveOn() == null ? LocalDate.now(clock) : scope.effectiveOn();
        boolean timelineHandled = scope != null && scope.timelineHandled();
        long id = event.facilityId();
        Facility before = event.before();
        Facility after = event.after();
        if (before == null) {
            FacilityAttributes a = after.attributes();
            repository.insertChange(ChangeRecord.FACILITY, id, now, user, "created", null, created(a), null, note);
            if (!timelineHandled) {
                repository.insertTransition(id, null, a.status(), effectiveOn, user,
                        note == null ? "created in the registry" : note, now);
            }
            return;
        }
        if (after == null) {
            repository.insertChange(ChangeRecord.FACILITY, id, now, user, "deleted", summary(before.attributes()), null, null, note);
            return;
        }
        for (String[] change : differences(before.attributes(), after.attributes())) {
            boolean status = change[0].equals("status");
            repository.insertChange(ChangeRecord.FACILITY, id, now, user, change[0], change[1], change[2],
                    status ? effectiveOn : null, note);
        }
        if (before.attributes().status() != after.attributes().status() && !timelineHandled) {
            if (event.statusSince() != null) {
                List<Transition> timeline = repository.transitionsOf(id);
                LocalDate last = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1).effectiveOn();
                if (last != null && event.statusSince().isBefore(last)) {
                    throw new IllegalArgumentException("status_since " + event.statusSince() + " of "
                            + after.attributes().source().detail() + " is before the facility's last status change, on "
                            + last + "; a timeline runs forward");
                }
            }
            repository.insertTransition(id, before.attributes().status(), after.attributes().status(), effectiveOn, user,
                    note == null ? "changed in the registry" : note, now);
        } else if (event.statusSince() != null && !timelineHandled && repository.transitionsOf(id).isEmpty()) {
            // a re-import that changed other fields and states since when the unchanged status holds
            repository.insertTransition(id, null, after.attributes().status(), event.statusSince(), user,
                    note == null ? "dated by import: " + detail(after) : note, now);
        }
    }

    /**
     * Facilities created in bulk by an import: each gets its "created" record in one batch. Those whose
     * source states the date they have had their status since ({@code status_since}) get their first
     * timeline entry on that date, and so do existing facilities left unchanged by the import that have
     * no timeline yet; the others get none, and the state on a past date counts them from the day they
     * were stored (see {@link StatusReplay}). A facility that already has a timeline keeps it.
     */
    @EventListener
    void facilitiesImported(FacilitiesImported event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String note = ChangeContext.current().map(ChangeContext.Scope::note).orElse(null);
        String user = ChangeContext.userName();
        List<ProgressRepository.FieldChange> changes = new ArrayList<>(event.created().size());
        List<ProgressRepository.NewTransition> firstEntries = new ArrayList<>();
        for (Facility f : event.created()) {
            String why = note != null ? note : "imported: " + detail(f);
            changes.add(new ProgressRepository.FieldChange(f.id(), "created", null, created(f.attributes()), why));
            LocalDate since = event.statusSince().get(f.id());
            if (since != null) {
                firstEntries.add(new ProgressRepository.NewTransition(f.id(), null, f.attributes().status(), since, why));
            }
        }
        Set<Long> timed = repository.withTimeline(event.unchangedDated().stream().map(Facility::id).toList());
        for (Facility f : event.unchangedDated()) {
            if (!timed.contains(f.id())) {
                firstEntries.add(new ProgressRepository.NewTransition(f.id(), null, f.attributes().status(),
                        event.statusSince().get(f.id()), note != null ? note : "dated by import: " + detail(f)));
            }
        }
        repository.insertChanges(ChangeRecord.FACILITY, changes, now, user);
        repository.insertTransitions(firstEntries, user, now);
    }

    private static String detail(Facility f) {
        FacilityAttributes a = f.attributes();
        return a.source().detail() == null ? a.source().kind() : a.source().detail();
    }

    /** The new value of a "created" record: type and status. */
    private static String created(FacilityAttributes a) {
        return a.type().code() + ", " + a.status().code();
    }

    private static String summary(FacilityAttributes a) {
        return created(a) + (a.name() == null ? "" : ", " + a.name());
    }

    /** Field name, old value, new value for every field that differs. */
    static List<String[]> differences(FacilityAttributes a, FacilityAttributes b) {
        List<String[]> out = new ArrayList<>();
        add(out, "type", a.type().code(), b.type().code());
        add(out, "status", a.status().code(), b.status().code());
        add(out, "name", a.name(), b.name());
        add(out, "address", a.address(), b.address());
        add(out, "district", a.district(), b.district());
        add(out, "capacity", a.capacity(), b.capacity());
        add(out, "toiletGrade", a.toiletGrade(), b.toiletGrade());
        add(out, "openingHours", a.openingHours(), b.openingHours());
        add(out, "barrierFree", a.barrierFree(), b.barrierFree());
        add(out, "operator", a.operator(), b.operator());
        add(out, "lonWgs84", a.lonWgs84(), b.lonWgs84());
        add(out, "latWgs84", a.latWgs84(), b.latWgs84());
        return out;
    }

    private static void add(List<String[]> out, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(new String[] {field, before == null ? null : before.toString(), after == null ? null : after.toString()});
        }
    }
}
