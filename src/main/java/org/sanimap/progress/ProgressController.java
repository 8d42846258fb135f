package org.sanimap.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sanimap.engine.crs.LonLat;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.importing.CoordinateSystem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Projects, transitions, progress and history over HTTP. */
@RestController
@Tag(name = "progress", description = "Construction projects, lifecycle transitions, progress and change history")
class ProgressController {

    private final ProgressService service;

    ProgressController(ProgressService service) {
        this.service = service;
    }

    /**
     * A project as sent by a client; {@code facilities} (optional, on create) are its planned facilities.
     *
     * @param version the current version, required on update
     */
    record ProjectBody(String name, String facilityType, Integer targetCount, List<String> districts, Double budgetYuan,
            String fundingModel, String responsibleUnit, String plannedStart, String plannedEnd, String decidedOn,
            Long version, List<PlannedBody> facilities) {

        ProjectDraft toDraft() {
            if (targetCount == null) {
                throw new IllegalArgumentException("targetCount is required");
            }
            return new ProjectDraft(name, facilityType == null ? null : FacilityType.fromCode(facilityType), targetCount,
                    districts, budgetYuan, fundingModel == null || fundingModel.isBlank() ? null : FundingModel.fromCode(fundingModel),
                    responsibleUnit, Dates.parse("plannedStart", plannedStart), Dates.parse("plannedEnd", plannedEnd),
                    Dates.parse("decidedOn", decidedOn));
        }
    }

    /**
     * A planned facility: position (in {@code crs}, default wgs84; also gcj02, bd09, cgcs2000) and details.
     */
    record PlannedBody(Double lon, Double lat, String crs, String name, String address, String district, String operator,
            Double capacity) {
    }

    /** A status change; {@code date} is when it took effect (YYYY-MM-DD, default today). */
    record TransitionBody(Long facilityId, String to, String date, String note, Integer progressPercent) {

        TransitionRequest toRequest(long facilityId) {
            return new TransitionRequest(facilityId, to == null || to.isBlank() ? null : FacilityStatus.fromCode(to),
                    Dates.parse("date", date), note, progressPercent);
        }
    }

    /** Several status changes applied in order, all or none. */
    record TransitionsBody(List<TransitionBody> transitions) {
    }

    /** A change of a progress record; null fields stay. */
    record ProgressBody(Long facilityId, Integer progressPercent, String reason, String plannedStart,
            String plannedCompletion, String remark) {

        ProgressChange toChange() {
            return new ProgressChange(progressPercent, reason, Dates.parse("plannedStart", plannedStart),
                    Dates.parse("plannedCompletion", plannedCompletion), remark);
        }
    }

    /** Progress changes of several facilities of one project. */
    record ProjectProgressBody(List<ProgressBody> updates) {
    }

    // ---- projects

    @GetMapping("/api/projects")
    @Operation(summary = "All projects with the number of facilities of each")
    List<Map<String, Object>> projects() {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<Long, Integer> counts = service.facilityCounts();
        for (Project p : service.projects()) {
            Map<String, Object> m = ProgressJson.project(p);
            m.put("facilityCount", counts.getOrDefault(p.id(), 0));
            out.add(m);
        }
        return out;
    }

    @PostMapping("/api/projects")
    @Operation(summary = "Create a project, optionally with its planned facilities (planner)")
    ResponseEntity<Map<String, Object>> create(@RequestBody ProjectBody body, Principal who) {
        ProjectDraft draft = body.toDraft();
        List<FacilityAttributes> planned = planned(body.facilities(), draft.facilityType());
        Project p = service.createProjectWithPlannedFacilities(draft, planned, who.getName());
        Map<String, Object> json = ProgressJson.project(p);
        json.put("facilityIds", service.facilityIds(p.id()));
        return ResponseEntity.created(URI.create("/api/projects/" + p.id())).body(json);
    }

    @GetMapping("/api/projects/{id}")
    Map<String, Object> project(@PathVariable long id) {
        Map<String, Object> json = ProgressJson.project(service.project(id));
        json.put("facilityIds", service.facilityIds(id));
        return json;
    }

    @PutMapping("/api/projects/{id}")
    @Operation(summary = "Edit a project; needs its current version (planner)")
    Map<String, Object> update(@PathVariable long id, @RequestBody ProjectBody body, Principal who) {
        if (body.version() == null) {
            throw new IllegalArgumentException("version is required: send the project's current version");
        }
        return ProgressJson.project(service.updateProject(id, body.toDraft(), body.version(), who.getName()));
    }

    @PostMapping("/api/projects/{id}/facilities")
    @Operation(summary = "Add planned facilities to a project (planner)")
    ResponseEntity<Map<String, Object>> addFacilities(@PathVariable long id, @RequestBody ProjectBody body, Principal who) {
        Project p = service.project(id);
        List<Facility> created = service.addPlannedFacilities(id, planned(body.facilities(), p.draft().facilityType()),
                who.getName());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("projectId", id);
        json.put("facilityIds", created.stream().map(Facility::id).toList());
        return ResponseEntity.status(201).body(json);
    }

    @GetMapping("/api/projects/{id}/progress")
    @Operation(summary = "A project's progress on a date (default today): counts by status, mean percent, overdue, "
            + "and every facility")
    Map<String, Object> projectProgress(@PathVariable long id, @RequestParam(required = false) String asOf) {
        Project p = service.project(id);
        List<FacilityState> states = service.statesOn(Dates.parse("asOf", asOf), id);
        Map<String, Long> byStatus = new TreeMap<>(StatusOrder.VALUE_ORDER);
        double percentSum = 0;
        long overdue = 0;
        for (FacilityState s : states) {
            byStatus.merge(s.status().code(), 1L, Long::sum);
            percentSum += s.progress().progressPercent();
            overdue += s.overdue() ? 1 : 0;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("project", ProgressJson.project(p));
        json.put("asOf", (asOf == null ? service.today() : Dates.parse("asOf", asOf)).toString());
        json.put("targetCount", p.draft().targetCount());
        json.put("facilityCount", states.size());
        json.put("byStatus", byStatus);
        json.put("meanProgressPercent", states.isEmpty() ? 0 : Math.round(percentSum / states.size() * 10) / 10.0);
        json.put("overdueCount", overdue);
        json.put("facilities", ProgressJson.states(states));
        return json;
    }

    @PostMapping("/api/projects/{id}/progress")
    @Operation(summary = "Record progress percent (and planned dates, remarks) of a project's facilities, all or none (manager)")
    List<Map<String, Object>> recordProgress(@PathVariable long id, @RequestBody ProjectProgressBody body, Principal who) {
        List<Long> ids = new ArrayList<>();
        List<ProgressChange> changes = new ArrayList<>();
        for (ProgressBody u : body.updates() == null ? List.<ProgressBody>of() : body.updates()) {
            if (u.facilityId() == null) {
                throw new IllegalArgumentException("every update needs a facilityId");
            }
            ids.add(u.facilityId());
            changes.add(u.toChange());
        }
        return service.updateProjectProgress(id, ids, changes, who.getName()).stream().map(ProgressJson::progress).toList();
    }

    @GetMapping("/api/projects/{id}/history")
    @Operation(summary = "Every change of the project's own fields: who, when, old -> new")
    List<Map<String, Object>> projectHistory(@PathVariable long id) {
        return service.projectHistory(id).stream().map(ProgressJson::change).toList();
    }

    // ---- facilities

    @GetMapping("/api/facilities/{id}/transitions")
    @Operation(summary = "A facility's status timeline, oldest first, and the statuses it may go to next")
    Map<String, Object> transitions(@PathVariable long id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("facilityId", id);
        Map<Long, List<Map<String, Object>>> photos = new java.util.HashMap<>();
        for (Photo photo : service.photos(id)) {
            photos.computeIfAbsent(photo.transitionId(), k -> new ArrayList<>()).add(ProgressJson.photo(photo));
        }
        json.put("transitions", service.timeline(id).stream().map(t -> {
            Map<String, Object> m = ProgressJson.transition(t);
            m.put("photos", photos.getOrDefault(t.id(), List.of()));
            return m;
        }).toList());
        json.put("next", service.nextStatuses(id).stream().map(FacilityStatus::code).toList());
        json.put("progress", ProgressJson.progress(service.progress(id)));
        return json;
    }

    @PostMapping("/api/facilities/{id}/transitions")
    @Operation(summary = "Move a facility to its next status, dated (manager); illegal transitions are refused with 400")
    ResponseEntity<Map<String, Object>> transition(@PathVariable long id, @RequestBody TransitionBody body, Principal who) {
        Transition t = service.transition(body.toRequest(id), who.getName());
        return ResponseEntity.status(201).body(ProgressJson.transition(t));
    }

    @PostMapping(path = "/api/facilities/{id}/transitions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The same as multipart form fields (to, date, note, progressPercent) with photos "
            + "(JPEG, PNG or WebP, size-limited) in 'photos' (manager)")
    ResponseEntity<Map<String, Object>> transitionWithPhotos(@PathVariable long id, @RequestParam(required = false) String to,
            @RequestParam(required = false) String date, @RequestParam(required = false) String note,
            @RequestParam(required = false) Integer progressPercent,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Principal who) throws IOException {
        List<PhotoUpload> uploads = new ArrayList<>();
        for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
            if (!f.isEmpty()) {
                uploads.add(new PhotoUpload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        TransitionRequest request = new TransitionBody(id, to, date, note, progressPercent).toRequest(id);
        Transition t = service.transition(request, uploads, who.getName());
        Map<String, Object> json = ProgressJson.transition(t);
        json.put("photos", service.photos(id).stream().filter(p -> p.transitionId() == t.id()).map(ProgressJson::photo).toList());
        return ResponseEntity.status(201).body(json);
    }

    @GetMapping("/api/photos/{id}")
    @Operation(summary = "A transition photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        Photo p = service.photo(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.mediaType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", ContentDisposition.inline().filename(p.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .body(service.photoContent(p));
    }

    @PostMapping("/api/transitions")
    @Operation(summary = "Several transitions in order, all or none (manager)")
    ResponseEntity<List<Map<String, Object>>> transitionAll(@RequestBody TransitionsBody body, Principal who) {
        List<TransitionRequest> requests = new ArrayList<>();
        if (body == null || body.transitions() == null) {
            throw new IllegalArgumentException("transitions is required: a list of {facilityId, to, date, note, progressPercent}");
        }
        List<TransitionBody> items = body.transitions();
        for (int i = 0; i < items.size(); i++) {
            TransitionBody t = items.get(i);
            if (t.facilityId() == null) {
                throw new IllegalArgumentException("transition " + (i + 1) + " has no facilityId");
            }
            try {
                requests.add(t.toRequest(t.facilityId()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("transition " + (i + 1) + " (facility " + t.facilityId() + "): "
                        + e.getMessage(), e);
            }
        }
        return ResponseEntity.status(201).body(service.transitionAll(requests, who.getName()).stream()
                .map(ProgressJson::transition).toList());
    }

    @GetMapping("/api/facilities/{id}/progress")
    Map<String, Object> progress(@PathVariable long id) {
        return ProgressJson.progress(service.progress(id));
    }

    @PutMapping("/api/facilities/{id}/progress")
    @Operation(summary = "Change a facility's progress percent, planned milestone dates or remark (manager); "
            + "a lower percent needs a reason")
    Map<String, Object> updateProgress(@PathVariable long id, @RequestBody ProgressBody body, Principal who) {
        return ProgressJson.progress(service.updateProgress(id, body.toChange(), who.getName()));
    }

    @GetMapping("/api/facilities/{id}/history")
    @Operation(summary = "Every change of a facility: who, when, old -> new, oldest first")
    List<Map<String, Object>> history(@PathVariable long id) {
        return service.facilityHistory(id).stream().map(ProgressJson::change).toList();
    }

    private static List<FacilityAttributes> planned(List<PlannedBody> bodies, FacilityType type) {
        List<FacilityAttributes> out = new ArrayList<>();
        if (bodies == null) {
            return out;
        }
        for (int i = 0; i < bodies.size(); i++) {
            PlannedBody b = bodies.get(i);
            try {
                if (b.lon() == null || b.lat() == null) {
                    throw new IllegalArgumentException("lon and lat are required");
                }
                CoordinateSystem crs = b.crs() == null || b.crs().isBlank() ? CoordinateSystem.WGS84
                        : CoordinateSystem.fromCode(b.crs());
                LonLat p = crs.toWgs84(b.lon(), b.lat());
                out.add(new FacilityAttributes(type, FacilityStatus.PLANNED, b.name(), b.address(), b.district(), b.capacity(),
                        null, null, null, b.operator(), p.lon(), p.lat(), FacilitySource.manual()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("facility " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
