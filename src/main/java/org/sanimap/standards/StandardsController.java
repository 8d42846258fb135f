package org.sanimap.standards;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanimap.facility.FacilityType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/standards}: the standards catalogue. */
@RestController
@RequestMapping("/api/standards")
@Tag(name = "standards", description = "Siting standards: radius, spacing and density rules with their sources")
class StandardsController {

    private final StandardsService service;

    StandardsController(StandardsService service) {
        this.service = service;
    }

    /**
     * A rule as sent by a client.
     *
     * @param version the current version, required on update
     */
    record RuleBody(String code, String facilityType, String kind, String areaClass, Double minValue, Double maxValue,
            String source, String confidence, Boolean active, String note, Long version) {

        StandardRule toRule() {
            return new StandardRule(code, facilityType == null ? null : FacilityType.fromCode(facilityType),
                    kind == null ? null : RuleKind.fromCode(kind), areaClass, minValue, maxValue, source, confidence,
                    Boolean.TRUE.equals(active), note);
        }
    }

    @GetMapping
    @Operation(summary = "List rules, optionally of one facility type, one kind, or only the active ones")
    List<Map<String, Object>> list(@RequestParam(required = false) String type, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "false") boolean active) {
        return service.list(type == null || type.isBlank() ? null : FacilityType.fromCode(type),
                kind == null || kind.isBlank() ? null : RuleKind.fromCode(kind), active).stream()
                .map(StandardsController::json).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return json(service.get(id));
    }

    @PostMapping
    @Operation(summary = "Add a rule (a city's own rule, say)")
    ResponseEntity<Map<String, Object>> create(@RequestBody RuleBody body) {
        StoredRule created = service.create(body.toRule());
        return ResponseEntity.created(URI.create("/api/standards/" + created.id())).body(json(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit or (de)activate a rule; needs its current version")
    Map<String, Object> update(@PathVariable long id, @RequestBody RuleBody body) {
        if (body.version() == null) {
            throw new IllegalArgumentException("version is required: send the rule's current version");
        }
        return json(service.update(id, body.toRule(), body.version()));
    }

    static Map<String, Object> json(StoredRule s) {
        StandardRule r = s.rule();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("code", r.code());
        m.put("facilityType", r.facilityType().code());
        m.put("kind", r.kind().code());
        m.put("areaClass", r.areaClass());
        m.put("minValue", r.minValue());
        m.put("maxValue", r.maxValue());
        m.put("unit", r.unit());
        m.put("source", r.source());
        m.put("confidence", r.confidence());
        m.put("active", r.active());
        m.put("note", r.note());
        m.put("updatedAt", s.updatedAt().toString());
        m.put("version", s.version());
        return m;
    }
}
