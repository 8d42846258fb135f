package org.sanimap.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of projects, transitions, history entries and facility states. */
final class ProgressJson {

    private ProgressJson() {
    }

    static Map<String, Object> project(Project p) {
        ProjectDraft d = p.draft();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", d.name());
        m.put("facilityType", d.facilityType().code());
        m.put("targetCount", d.targetCount());
        m.put("districts", d.districts());
        m.put("budgetYuan", d.budgetYuan());
        m.put("fundingModel", d.fundingModel() == null ? null : d.fundingModel().code());
        m.put("responsibleUnit", d.responsibleUnit());
        m.put("plannedStart", str(d.plannedStart()));
        m.put("plannedEnd", str(d.plannedEnd()));
        m.put("decidedOn", str(d.decidedOn()));
        m.put("createdAt", p.createdAt().toString());
        m.put("updatedAt", p.updatedAt().toString());
        m.put("version", p.version());
        return m;
    }

    static Map<String, Object> transition(Transition t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("facilityId", t.facilityId());
        m.put("from", t.from() == null ? null : t.from().code());
        m.put("to", t.to().code());
        m.put("effectiveOn", t.effectiveOn().toString());
        m.put("user", t.userName());
        m.put("note", t.note());
        m.put("recordedAt", t.recordedAt().toString());
        return m;
    }

    static Map<String, Object> photo(Photo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("fileName", p.fileName());
        m.put("mediaType", p.mediaType());
        m.put("sizeBytes", p.sizeBytes());
        m.put("sha256", p.sha256());
        m.put("user", p.userName());
        m.put("url", "/api/photos/" + p.id());
        return m;
    }

    static Map<String, Object> change(ChangeRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("entity", c.entityKind());
        m.put("entityId", c.entityId());
        m.put("at", c.changedAt().toString());
        m.put("user", c.userName());
        m.put("field", c.field());
        m.put("oldValue", c.oldValue());
        m.put("newValue", c.newValue());
        m.put("effectiveOn", str(c.effectiveOn()));
        m.put("note", c.note());
        return m;
    }

    static Map<String, Object> progress(FacilityProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("facilityId", p.facilityId());
        m.put("projectId", p.projectId());
        m.put("progressPercent", p.progressPercent());
        m.put("plannedStart", str(p.plannedStart()));
        m.put("plannedCompletion", str(p.plannedCompletion()));
        m.put("remark", p.remark());
        return m;
    }

    static Map<String, Object> state(FacilityState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("facilityId", s.facility().id());
        m.put("name", s.facility().attributes().name());
        m.put("type", s.facility().attributes().type().code());
        m.put("district", s.facility().attributes().district());
        m.put("projectId", s.progress().projectId());
        m.put("status", s.status().code());
        m.put("progressPercent", s.progress().progressPercent());
        m.put("plannedStart", str(s.progress().plannedStart()));
        m.put("actualStart", str(s.actualStart()));
        m.put("plannedCompletion", str(s.progress().plannedCompletion()));
        m.put("actualCompletion", str(s.actualCompletion()));
        m.put("overdue", s.overdue());
        m.put("overdueMilestone", s.overdueMilestone());
        m.put("overdueSince", str(s.overdueSince()));
        return m;
    }

    static List<Map<String, Object>> states(List<FacilityState> states) {
        return states.stream().map(ProgressJson::state).toList();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
