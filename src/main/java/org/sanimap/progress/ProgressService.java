package org.sanimap.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityNotFoundException;
import org.sanimap.facility.FacilityPage;
import org.sanimap.facility.FacilityQuery;
import org.sanimap.facility.FacilityService;
import org.sanimap.facility.FacilityStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Construction progress: projects and their planned facilities, lifecycle transitions, progress
 * percent, the change history, the state on past dates and the dashboards. Every change names its
 * user and is kept. Each public method runs in one transaction: a failure changes nothing.
 */
@Service
public class ProgressService {

    private final ProgressRepository repository;
    private final FacilityService facilities;
    private final PhotoFiles photoFiles;
    private final ProgressSettings settings;
    private final Clock clock;

    ProgressService(ProgressRepository repository, FacilityService facilities, PhotoFiles photoFiles,
            ProgressSettings settings) {
        this.repository = repository;
        this.facilities = facilities;
        this.photoFiles = photoFiles;
        this.settings = settings;
        this.clock = Clock.systemDefaultZone();
    }

    /** Today in the server's time zone: the default date of changes and dashboards. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------ projects

    /**
     * Creates a project.
     *
     * @throws IllegalArgumentException when the name is taken or {@code decidedOn} lies in the future
     */
    @Transactional
    public Project createProject(ProjectDraft draft, String userName) {
        requireUser(userName);
        if (repository.findProjectByName(draft.name()).isPresent()) {
            throw new IllegalArgumentException("a project named '" + draft.name() + "' exists already");
        }
        ProjectDraft stored = withDecidedOn(draft, today());
        Instant now = now();
        long id = repository.insertProject(stored, now);
        repository.insertChange(ChangeRecord.PROJECT, id, now, userName, "created", null, stored.name(), null, null);
        return project(id);
    }

    /**
     * Creates a project and its planned facilities in one transaction (for the siting feature: accepted
     * proposals become a project). Every facility gets status planned from the project's
     * {@code decidedOn} date, the project's planned start and end as milestone dates, and the
     * project's responsible unit as operator when it has none.
     *
     * @throws IllegalArgumentException when the project or any facility is invalid; nothing is stored then
     */
    @Transactional
    public Project createProjectWithPlannedFacilities(ProjectDraft draft, List<FacilityAttributes> planned, String userName) {
        Project p = createProject(draft, userName);
        addPlannedFacilities(p.id(), planned, userName);
        return project(p.id());
    }

    /**
     * Adds planned facilities to a project (see {@link #createProjectWithPlannedFacilities}).
     *
     * @throws IllegalArgumentException when a facility's type is not the project's, or its district
     *                                  not one of the project's; nothing is stored then
     */
    @Transactional
    public List<Facility> addPlannedFacilities(long projectId, List<FacilityAttributes> planned, String userName) {
        requireUser(userName);
        Project p = project(projectId);
        ProjectDraft d = p.draft();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            FacilityAttributes a = planned.get(i);
            if (a.type() != d.facilityType()) {
                errors.add("facility " + (i + 1) + ": type " + a.type().code() + " is not the project's type "
                        + d.facilityType().code());
            }
            if (!d.districts().isEmpty() && a.district() != null && !d.districts().contains(a.district())) {
                errors.add("facility " + (i + 1) + ": district '" + a.district() + "' is not one of the project's districts "
                        + d.districts());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() == 1 ? errors.get(0)
                    : errors.get(0) + " (and " + (errors.size() - 1) + " more problems)");
        }
        String note = "planned in project '" + d.name() + "'";
        List<Facility> created = new ArrayList<>();
        for (FacilityAttributes a : planned) {
            FacilityAttributes attributes = new FacilityAttributes(a.type(), FacilityStatus.PLANNED, a.name(), a.address(),
                    a.district(), a.capacity(), a.toiletGrade(), a.openingHours(), a.barrierFree(),
                    a.operator() == null ? d.responsibleUnit() : a.operator(), a.lonWgs84(), a.latWgs84(), a.source());
            Facility f = ChangeContext.with(new ChangeContext.Scope(userName, note, d.decidedOn(), true),
                    () -> facilities.create(attributes));
            repository.insertTransition(f.id(), null, FacilityStatus.PLANNED, d.decidedOn(), userName, note, now());
            repository.saveProgress(new FacilityProgress(f.id(), projectId, 0, d.plannedStart(), d.plannedEnd(), null));
            created.add(f);
        }
        return created;
    }

    /**
     * Replaces a project's content if {@code expectedVersion} is still its version; every changed field
     * enters the history.
     *
     * @throws ProjectNotFoundException when there is no such project
     * @throws StaleProjectException    when the version moved on
     */
    @Transactional
    public Project updateProject(long id, ProjectDraft draft, long expectedVersion, String userName) {
        requireUser(userName);
        Project current = project(id);
        repository.findProjectByName(draft.name()).filter(other -> other.id() != id).ifPresent(other -> {
            throw new IllegalArgumentException("a project named '" + draft.name() + "' exists already");
        });
        ProjectDraft stored = withDecidedOn(draft, current.draft().decidedOn());
        Instant now = now();
        if (current.version() != expectedVersion || !repository.updateProject(id, stored, expectedVersion, now)) {
            throw new StaleProjectException(id, expectedVersion, project(id).version());
        }
        ProjectDraft a = current.draft();
        record(id, now, userName, "name", a.name(), stored.name());
        record(id, now, userName, "facilityType", a.facilityType().code(), stored.facilityType().code());
        record(id, now, userName, "targetCount", a.targetCount(), stored.targetCount());
        record(id, now, userName, "districts", a.districts(), stored.districts());
        record(id, now, userName, "budgetYuan", a.budgetYuan(), stored.budgetYuan());
        record(id, now, userName, "fundingModel", a.fundingModel() == null ? null : a.fundingModel().code(),
                stored.fundingModel() == null ? null : stored.fundingModel().code());
        record(id, now, userName, "responsibleUnit", a.responsibleUnit(), stored.responsibleUnit());
        record(id, now, userName, "plannedStart", a.plannedStart(), stored.plannedStart());
        record(id, now, userName, "plannedEnd", a.plannedEnd(), stored.plannedEnd());
        record(id, now, userName, "decidedOn", a.decidedOn(), stored.decidedOn());
        return project(id);
    }

    private void record(long projectId, Instant now, String user, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            repository.insertChange(ChangeRecord.PROJECT, projectId, now, user, field, before == null ? null : before.toString(),
                    after == null ? null : after.toString(), null, null);
        }
    }

    /** @throws ProjectNotFoundException when there is no such project */
    @Transactional(readOnly = true)
    public Project project(long id) {
        return repository.findProject(id).orElseThrow(() -> new ProjectNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Project> projectByName(String name) {
        return repository.findProjectByName(name == null ? "" : name.strip());
    }

    @Transactional(readOnly = true)
    public List<Project> projects() {
        return repository.projects();
    }

    /** The number of facilities of each project, by project id; a project without facilities is absent. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> facilityCounts() {
        return repository.facilityCountsByProject();
    }

    /** The ids of a project's facilities, ascending. */
    @Transactional(readOnly = true)
    public List<Long> facilityIds(long projectId) {
        project(projectId);
        return repository.progressOfProject(projectId).stream().map(FacilityProgress::facilityId).toList();
    }

    @Transactional(readOnly = true)
    public List<ChangeRecord> projectHistory(long projectId) {
        project(projectId);
        return repository.changesOf(ChangeRecord.PROJECT, projectId);
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Moves a facility to a new status if the lifecycle allows it.
     *
     * @throws IllegalArgumentException   for an illegal transition, a date in the future or before the
     *                                    facility's last transition, or a bad percent
     * @throws FacilityNotFoundException  when there is no such facility
     */
    @Transactional
    public Transition transition(TransitionRequest request, String userName) {
        requireUser(userName);
        Facility f = facilities.get(request.facilityId());
        FacilityStatus from = f.attributes().status();
        List<Transition> timeline = repository.transitionsOf(f.id());
        Lifecycle.check(from, request.to(), suspendedFrom(timeline));
        LocalDate today = today();
        LocalDate on = request.effectiveOn() == null ? today : request.effectiveOn();
        if (on.isAfter(today)) {
            throw new IllegalArgumentException("transition date " + on + " is in the future (today is " + today + ")");
        }
        if (!timeline.isEmpty() && on.isBefore(timeline.get(timeline.size() - 1).effectiveOn())) {
            throw new IllegalArgumentException("transition date " + on + " is before the facility's last transition on "
                    + timeline.get(timeline.size() - 1).effectiveOn());
        }
        Instant now = now();
        ChangeContext.with(new ChangeContext.Scope(userName, request.note(), on, true),
                () -> facilities.update(f.id(), f.attributes().withStatus(request.to()), f.version()));
        Transition t = repository.insertTransition(f.id(), from, request.to(), on, userName, request.note(), now);
        FacilityProgress progress = repository.findProgress(f.id()).orElse(FacilityProgress.none(f.id()));
        Integer percent = request.progressPercent();
        if ((request.to() == FacilityStatus.COMPLETED || request.to() == FacilityStatus.IN_SERVICE) && percent == null) {
            percent = 100;
        }
        if (percent != null && percent != progress.progressPercent()) {
            changePercent(progress, percent, request.note(), userName, now);
        }
        return t;
    }

    /**
     * A transition with photos: JPEG, PNG or WebP, each at most {@code sanimap.progress.max-photo-size-bytes}.
     * The photos are checked before anything changes; their files are removed again if the
     * transaction rolls back.
     *
     * @throws IllegalArgumentException for a photo of another kind, too large or too many, or as
     *                                  {@link #transition}
     */
    @Transactional
    public Transition transition(TransitionRequest request, List<PhotoUpload> photos, String userName) {
        if (photos.size() > settings.maxPhotosPerTransition()) {
            throw new IllegalArgumentException(photos.size() + " photos; a transition takes at most "
                    + settings.maxPhotosPerTransition());
        }
        List<String> types = new ArrayList<>();
        for (PhotoUpload p : photos) {
            String name = cleanFileName(p.fileName());
            if (p.content().length > settings.maxPhotoSizeBytes()) {
                throw new IllegalArgumentException("photo '" + name + "' has " + p.content().length + " bytes; the limit is "
                        + settings.maxPhotoSizeBytes() + " bytes");
            }
            String type = PhotoFiles.mediaType(p.content());
            if (type == null) {
                throw new IllegalArgumentException("photo '" + name + "' is not a JPEG, PNG or WebP image");
            }
            types.add(type);
        }
        Transition t = transition(request, userName);
        List<String> written = new ArrayList<>();
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            written.forEach(photoFiles::delete);
                        }
                    }
                });
        Instant now = now();
        for (int i = 0; i < photos.size(); i++) {
            PhotoUpload p = photos.get(i);
            String key = photoFiles.write(p.content(), types.get(i));
            written.add(key);
            repository.insertPhoto(t.id(), t.facilityId(), cleanFileName(p.fileName()), types.get(i), p.content().length,
                    sha256(p.content()), key, userName, now);
        }
        return t;
    }

    /** The photos of a facility's transitions, oldest first. */
    @Transactional(readOnly = true)
    public List<Photo> photos(long facilityId) {
        return repository.photosOf(facilityId);
    }

    /** @throws PhotoNotFoundException when there is no such photo */
    @Transactional(readOnly = true)
    public Photo photo(long id) {
        return repository.findPhoto(id).orElseThrow(() -> new PhotoNotFoundException(id));
    }

    /** The bytes of a photo. */
    public byte[] photoContent(Photo photo) {
        return photoFiles.read(photo.storageKey());
    }

    private static String cleanFileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (base.isEmpty()) {
            base = "photo";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies several transitions in order, all or none.
     *
     * @throws IllegalArgumentException naming the failing transition (1-based) and its facility
     */
    @Transactional
    public List<Transition> transitionAll(List<TransitionRequest> requests, String userName) {
        List<Transition> done = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            TransitionRequest r = requests.get(i);
            try {
                done.add(transition(r, userName));
            } catch (IllegalArgumentException | FacilityNotFoundException e) {
                throw new IllegalArgumentException("transition " + (i + 1) + " (facility " + r.facilityId() + "): "
                        + e.getMessage(), e);
            }
        }
        return done;
    }

    /**
     * Checks that a facility may go to a status now, without changing anything.
     *
     * @throws IllegalArgumentException naming the transition and what is allowed instead
     */
    @Transactional(readOnly = true)
    public void checkTransition(long facilityId, FacilityStatus to) {
        checkTransition(facilities.get(facilityId), to);
    }

    /** As {@link #checkTransition(long, FacilityStatus)} for a facility already read. */
    @Transactional(readOnly = true)
    public void checkTransition(Facility facility, FacilityStatus to) {
        Lifecycle.check(facility.attributes().status(), to, suspendedFrom(repository.transitionsOf(facility.id())));
    }

    static FacilityStatus suspendedFrom(List<Transition> timeline) {
        FacilityStatus from = null;
        for (Transition t : timeline) {
            if (t.to() == FacilityStatus.SUSPENDED) {
                from = t.from();
            }
        }
        return from;
    }

    /** The statuses a facility may go to next. */
    @Transactional(readOnly = true)
    public Set<FacilityStatus> nextStatuses(long facilityId) {
        Facility f = facilities.get(facilityId);
        return Lifecycle.next(f.attributes().status(), suspendedFrom(repository.transitionsOf(facilityId)));
    }

    /**
     * Changes a facility's progress record.
     *
     * @throws IllegalArgumentException when the percent is out of [0, 100], goes back without a reason,
     *                                  or the planned completion falls before the planned start
     */
    @Transactional
    public FacilityProgress updateProgress(long facilityId, ProgressChange change, String userName) {
        requireUser(userName);
        facilities.get(facilityId);
        FacilityProgress current = repository.findProgress(facilityId).orElse(FacilityProgress.none(facilityId));
        Instant now = now();
        if (change.progressPercent() != null && change.progressPercent() != current.progressPercent()) {
            current = changePercent(current, change.progressPercent(), change.reason(), userName, now);
        }
        String remark = change.remark() == null ? current.remark() : change.remark();
        FacilityProgress next = new FacilityProgress(facilityId, current.projectId(), current.progressPercent(),
                change.plannedStart() == null ? current.plannedStart() : change.plannedStart(),
                change.plannedCompletion() == null ? current.plannedCompletion() : change.plannedCompletion(), remark);
        recordFacility(facilityId, now, userName, "plannedStart", current.plannedStart(), next.plannedStart(), change.reason());
        recordFacility(facilityId, now, userName, "plannedCompletion", current.plannedCompletion(), next.plannedCompletion(),
                change.reason());
        recordFacility(facilityId, now, userName, "remark", current.remark(), next.remark(), change.reason());
        repository.saveProgress(next);
        return next;
    }

    /**
     * Changes the progress records of several facilities of one project, all or none.
     *
     * @throws IllegalArgumentException naming the failing update (1-based), also when a facility is not
     *                                  in the project
     */
    @Transactional
    public List<FacilityProgress> updateProjectProgress(long projectId, List<Long> facilityIds, List<ProgressChange> changes,
            String userName) {
        project(projectId);
        List<FacilityProgress> done = new ArrayList<>();
        for (int i = 0; i < facilityIds.size(); i++) {
            long id = facilityIds.get(i);
            try {
                FacilityProgress current = repository.findProgress(id).orElse(FacilityProgress.none(id));
                if (!Long.valueOf(projectId).equals(current.projectId())) {
                    throw new IllegalArgumentException("facility " + id + " is not in project " + projectId);
                }
                done.add(updateProgress(id, changes.get(i), userName));
            } catch (IllegalArgumentException | FacilityNotFoundException e) {
                throw new IllegalArgumentException("update " + (i + 1) + " (facility " + id + "): " + e.getMessage(), e);
            }
        }
        return done;
    }

    private FacilityProgress changePercent(FacilityProgress current, int percent, String reason, String userName, Instant now) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("progressPercent " + percent + " out of range [0, 100]");
        }
        if (percent < current.progressPercent() && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("progress of facility " + current.facilityId() + " would go back from "
                    + current.progressPercent() + "% to " + percent + "%: a reason is required");
        }
        FacilityProgress next = new FacilityProgress(current.facilityId(), current.projectId(), percent, current.plannedStart(),
                current.plannedCompletion(), current.remark());
        repository.saveProgress(next);
        recordFacility(current.facilityId(), now, userName, "progressPercent", current.progressPercent(), percent, reason);
        return next;
    }

    private void recordFacility(long id, Instant now, String user, String field, Object before, Object after, String note) {
        if (!Objects.equals(before, after)) {
            repository.insertChange(ChangeRecord.FACILITY, id, now, user, field, before == null ? null : before.toString(),
                    after == null ? null : after.toString(), null, note == null || note.isBlank() ? null : note.strip());
        }
    }

    @Transactional(readOnly = true)
    public FacilityProgress progress(long facilityId) {
        facilities.get(facilityId);
        return repository.findProgress(facilityId).orElse(FacilityProgress.none(facilityId));
    }

    /** A facility's timeline, oldest first. */
    @Transactional(readOnly = true)
    public List<Transition> timeline(long facilityId) {
        facilities.get(facilityId);
        return repository.transitionsOf(facilityId);
    }

    /** Every kept change of a facility, oldest first (also after it was deleted). */
    @Transactional(readOnly = true)
    public List<ChangeRecord> facilityHistory(long facilityId) {
        List<ChangeRecord> changes = repository.changesOf(ChangeRecord.FACILITY, facilityId);
        if (changes.isEmpty()) {
            facilities.get(facilityId);
        }
        return changes;
    }

    // ------------------------------------------------------------------ the past and dashboards

    /**
     * Every facility (of a project, or all) as it stood at the end of a date.
     *
     * @throws IllegalArgumentException when the date is in the future
     */
    @Transactional(readOnly = true)
    public List<FacilityState> statesOn(LocalDate asOf, Long projectId) {
        LocalDate date = checkAsOf(asOf);
        return statesOnDays(List.of(date), projectId).get(date);
    }

    /**
     * The same for several dates, reading the registry and the timelines once: date → states.
     *
     * @throws IllegalArgumentException when a date is in the future
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, List<FacilityState>> statesOnDays(List<LocalDate> dates, Long projectId) {
        dates.forEach(this::checkAsOf);
        Map<Long, FacilityProgress> progress = new HashMap<>();
        for (FacilityProgress p : repository.allProgress()) {
            progress.put(p.facilityId(), p);
        }
        Set<Long> inProject = null;
        if (projectId != null) {
            project(projectId);
            inProject = new HashSet<>();
            for (FacilityProgress p : progress.values()) {
                if (projectId.equals(p.projectId())) {
                    inProject.add(p.facilityId());
                }
            }
        }
        List<Facility> all = new ArrayList<>();
        for (int page = 0;; page++) {
            FacilityPage p = facilities.search(new FacilityQuery(null, Set.of(), Set.of(), null, page, FacilityQuery.MAX_PAGE_SIZE));
            for (Facility f : p.facilities()) {
                if (inProject == null || inProject.contains(f.id())) {
                    all.add(f);
                }
            }
            if ((long) (page + 1) * FacilityQuery.MAX_PAGE_SIZE >= p.totalCount()) {
                break;
            }
        }
        Map<Long, List<Transition>> timelines = repository.allTransitions().stream()
                .collect(Collectors.groupingBy(Transition::facilityId));
        Map<LocalDate, List<FacilityState>> out = new java.util.LinkedHashMap<>();
        for (LocalDate date : dates) {
            out.put(date, StatusReplay.statesOn(all, timelines, progress, date, clock.getZone()));
        }
        return out;
    }

    /**
     * Counts by some of district, status and type on a date, with totals per value.
     *
     * @param groupBy fields among {@link Dashboard#FIELDS}, at least one
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(List<String> groupBy, LocalDate asOf, Long projectId) {
        List<String> fields = new ArrayList<>();
        for (String g : groupBy) {
            String field = g.strip().toLowerCase(java.util.Locale.ROOT);
            if (!Dashboard.FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown groupBy field '" + g + "'; expected some of district, status, type");
            }
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("groupBy needs at least one of district, status, type");
        }
        LocalDate date = checkAsOf(asOf);
        List<FacilityState> states = statesOn(date, projectId);
        Map<List<String>, Long> counts = new TreeMap<>(StatusOrder.KEY_ORDER);
        Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
        for (String field : fields) {
            totals.put(field, new TreeMap<>(StatusOrder.VALUE_ORDER));
        }
        for (FacilityState s : states) {
            List<String> key = new ArrayList<>();
            for (String field : fields) {
                String value = value(s, field);
                key.add(value);
                totals.get(field).merge(value == null ? "" : value, 1L, Long::sum);
            }
            counts.merge(key, 1L, Long::sum);
        }
        List<Dashboard.Row> rows = new ArrayList<>();
        counts.forEach((key, count) -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                values.put(fields.get(i), key.get(i));
            }
            rows.add(new Dashboard.Row(values, count));
        });
        return new Dashboard(date, projectId, List.copyOf(fields), rows, states.size(), totals);
    }

    /** Completions (first entry into completed) per month, from the first month with one to the last. */
    @Transactional(readOnly = true)
    public Map<YearMonth, Long> completionsPerMonth(Long projectId) {
        TreeMap<YearMonth, Long> months = new TreeMap<>();
        for (FacilityState s : statesOn(today(), projectId)) {
            if (s.actualCompletion() != null) {
                months.merge(YearMonth.from(s.actualCompletion()), 1L, Long::sum);
            }
        }
        if (!months.isEmpty()) {
            for (YearMonth m = months.firstKey(); m.isBefore(months.lastKey()); m = m.plusMonths(1)) {
                months.putIfAbsent(m, 0L);
            }
        }
        return months;
    }

    /** Facilities with a planned milestone date passed before the date without reaching it, most overdue first. */
    @Transactional(readOnly = true)
    public List<FacilityState> overdue(LocalDate asOf, Long projectId) {
        return statesOn(asOf, projectId).stream().filter(FacilityState::overdue)
                .sorted(Comparator.comparing(FacilityState::overdueSince).thenComparing(s -> s.facility().id())).toList();
    }

    private static String value(FacilityState s, String field) {
        return switch (field) {
            case "district" -> s.facility().attributes().district();
            case "status" -> s.status().code();
            default -> s.facility().attributes().type().code();
        };
    }

    private LocalDate checkAsOf(LocalDate asOf) {
        LocalDate today = today();
        if (asOf == null) {
            return today;
        }
        if (asOf.isAfter(today)) {
            throw new IllegalArgumentException("asOf " + asOf + " is in the future (today is " + today + ")");
        }
        return asOf;
    }

    private static ProjectDraft withDecidedOn(ProjectDraft d, LocalDate fallback) {
        LocalDate decided = d.decidedOn() == null ? fallback : d.decidedOn();
        if (decided.isAfter(LocalDate.now())) {
            throw new IllegalArgumentException("decidedOn " + decided + " is in the future");
        }
        return new ProjectDraft(d.name(), d.facilityType(), d.targetCount(), d.districts(), d.budgetYuan(), d.fundingModel(),
                d.responsibleUnit(), d.plannedStart(), d.plannedEnd(), decided);
    }

    private static void requireUser(String userName) {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("the user making the change is required");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
