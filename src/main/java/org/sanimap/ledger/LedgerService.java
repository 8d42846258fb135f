package org.sanimap.ledger;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sanimap.api.TableFiles;
import org.sanimap.engine.crs.LonLat;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityNotFoundException;
import org.sanimap.facility.FacilityService;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.importing.CoordinateSystem;
import org.sanimap.importing.ImportRejectedException;
import org.sanimap.progress.Dates;
import org.sanimap.progress.FacilityProgress;
import org.sanimap.progress.FacilityState;
import org.sanimap.progress.LedgerLabels;
import org.sanimap.progress.ProgressChange;
import org.sanimap.progress.ProgressService;
import org.sanimap.progress.Project;
import org.sanimap.progress.TransitionRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the facilities of projects as a ledger and applies an edited ledger: every row is checked
 * first (status changes must be legal transitions), then all rows are applied in one transaction, so
 * that a file applies entirely or not at all. Export then import changes nothing.
 */
@Service
public class LedgerService {

    /** Positions closer than this to the stored one (degrees, about 1 cm) count as unchanged. */
    static final double SAME_POSITION_DEGREES = 1e-7;

    private final ProgressService progress;
    private final FacilityService facilities;

    LedgerService(ProgressService progress, FacilityService facilities) {
        this.progress = progress;
        this.facilities = facilities;
    }

    /** The ledger format of a download. */
    public enum Format {
        XLSX, CSV;

        /** Parses {@code xlsx} or {@code csv}. */
        public static Format fromCode(String code) {
            String c = code == null ? "" : code.trim().toLowerCase(java.util.Locale.ROOT);
            return switch (c) {
                case "xlsx", "excel" -> XLSX;
                case "csv" -> CSV;
                default -> throw new IllegalArgumentException("unknown ledger format '" + code + "'; expected xlsx or csv");
            };
        }
    }

    /**
     * The ledger of one project, or of every project when {@code projectId} is null: one row per
     * facility, ordered by project and facility id.
     *
     * @param lang {@code en} for English headers and codes, anything else for Chinese
     */
    @Transactional(readOnly = true)
    public byte[] export(Long projectId, Format format, String lang) {
        boolean en = "en".equals(lang);
        List<FacilityState> states = new ArrayList<>(progress.statesOn(null, projectId).stream()
                .filter(s -> s.progress().projectId() != null).toList());
        states.sort(Comparator.comparing((FacilityState s) -> s.progress().projectId()).thenComparing(s -> s.facility().id()));
        Map<Long, String> projectNames = new HashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        int no = 1;
        for (FacilityState s : states) {
            FacilityAttributes a = s.facility().attributes();
            FacilityProgress p = s.progress();
            String project = projectNames.computeIfAbsent(p.projectId(), id -> progress.project(id).draft().name());
            List<Object> row = new ArrayList<>();
            row.add(no++);
            row.add(project);
            row.add(en ? a.type().code() : LedgerLabels.type(a.type()));
            row.add(a.district());
            row.add(a.address());
            row.add(a.lonWgs84());
            row.add(a.latWgs84());
            row.add("WGS84");
            row.add(en ? s.status().code() : LedgerLabels.status(s.status()));
            row.add(str(p.plannedStart()));
            row.add(str(s.actualStart()));
            row.add(str(p.plannedCompletion()));
            row.add(str(s.actualCompletion()));
            row.add(p.progressPercent());
            row.add(a.operator());
            row.add(p.remark());
            row.add(s.facility().id());
            rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        for (LedgerColumn c : LedgerColumn.values()) {
            headers.add(c.header(lang));
        }
        return format == Format.XLSX ? TableFiles.xlsx(en ? "ledger" : "台账", headers, rows, false)
                : TableFiles.csv(headers, rows);
    }

    /** What one row asks to change, checked against the store. */
    private record Plan(LedgerRow row, Facility facility, FacilityStatus newStatus, LocalDate transitionDate,
            FacilityAttributes newAttributes, ProgressChange progressChange, NewFacility newFacility) {

        boolean changesNothing() {
            return newStatus == null && newAttributes == null && progressChange == null && newFacility == null;
        }
    }

    /** A row without facility id: a new planned facility of a project. */
    private record NewFacility(long projectId, FacilityAttributes attributes) {
    }

    /**
     * Applies an edited ledger, all rows or none. Rows without 设施编号 add planned facilities to the
     * project they name, if {@code mayAddFacilities} (planners).
     *
     * @throws ImportRejectedException listing every problem with its row number; nothing was applied then
     */
    @Transactional
    public LedgerImportReport importLedger(byte[] content, String fileName, String userName, boolean mayAddFacilities) {
        if (content.length == 0) {
            throw new ImportRejectedException("file is empty");
        }
        List<LedgerRow> rows;
        try {
            rows = LedgerFiles.read(content);
        } catch (IllegalArgumentException e) {
            throw new ImportRejectedException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new ImportRejectedException("could not read " + fileName + " as XLSX or CSV: "
                    + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
        List<String> errors = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        // every project once, not once per row
        Map<Long, Project> projectsById = new HashMap<>();
        Map<String, Project> projectsByName = new HashMap<>();
        for (Project p : progress.projects()) {
            projectsById.put(p.id(), p);
            projectsByName.put(p.draft().name(), p);
        }
        for (LedgerRow row : rows) {
            try {
                Plan plan = row.get(LedgerColumn.FACILITY_ID) == null ? planNew(row, mayAddFacilities, projectsByName)
                        : plan(row, seen, projectsById);
                if (plan != null) {
                    plans.add(plan);
                }
            } catch (IllegalArgumentException | FacilityNotFoundException e) {
                errors.add("row " + row.rowNumber() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        int created = 0;
        int transitions = 0;
        int progressChanges = 0;
        int registryChanges = 0;
        int unchanged = 0;
        for (Plan plan : plans) {
            if (plan.changesNothing()) {
                unchanged++;
                continue;
            }
            try {
                if (plan.newFacility() != null) {
                    long id = progress.addPlannedFacilities(plan.newFacility().projectId(), List.of(plan.newFacility().attributes()),
                            userName).get(0).id();
                    if (plan.progressChange() != null) {
                        progress.updateProgress(id, plan.progressChange(), userName);
                    }
                    created++;
                    continue;
                }
                long id = plan.facility().id();
                if (plan.newAttributes() != null) {
                    facilities.update(id, plan.newAttributes(), plan.facility().version());
                    registryChanges++;
                }
                if (plan.newStatus() != null) {
                    String remark = plan.row().get(LedgerColumn.REMARK);
                    progress.transition(new TransitionRequest(id, plan.newStatus(), plan.transitionDate(),
                            "ledger " + fileName + " row " + plan.row().rowNumber() + (remark == null ? "" : ": " + remark),
                            null), userName);
                    transitions++;
                }
                if (plan.progressChange() != null) {
                    progress.updateProgress(id, plan.progressChange(), userName);
                    progressChanges++;
                }
            } catch (RuntimeException e) {
                throw new ImportRejectedException("row " + plan.row().rowNumber() + ": " + e.getMessage());
            }
        }
        return new LedgerImportReport(fileName, rows.size(), created, transitions, progressChanges, registryChanges, unchanged);
    }

    private Plan plan(LedgerRow row, Map<Long, Integer> seen, Map<Long, Project> projectsById) {
        String idText = row.get(LedgerColumn.FACILITY_ID); // not null: rows without an id are planned as new ones
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("设施编号 (facility id) '" + idText + "' is not a number");
        }
        Integer first = seen.putIfAbsent(id, row.rowNumber());
        if (first != null) {
            throw new IllegalArgumentException("facility " + id + " appears again (first at row " + first + ")");
        }
        Facility f = facilities.get(id);
        FacilityAttributes a = f.attributes();
        FacilityProgress p = progress.progress(id);
        String projectName = row.get(LedgerColumn.PROJECT);
        if (projectName != null) {
            Project project = p.projectId() == null ? null : projectsById.get(p.projectId());
            if (project == null || !project.draft().name().equals(projectName)) {
                throw new IllegalArgumentException("项目名称 (project) '" + projectName + "' is not facility " + id + "'s project"
                        + (project == null ? " (it is in none)" : " '" + project.draft().name() + "'"));
            }
        }
        String typeText = row.get(LedgerColumn.TYPE);
        if (typeText != null) {
            FacilityType type = LedgerLabels.parseType(typeText);
            if (type != a.type()) {
                throw new IllegalArgumentException("设施类型 (type) cannot change in a ledger: facility " + id + " is a "
                        + a.type().code() + ", the row says " + type.code());
            }
        }
        // status: a change is a lifecycle transition, checked now
        FacilityStatus newStatus = null;
        LocalDate date = null;
        String statusText = row.get(LedgerColumn.STATUS);
        if (statusText != null) {
            FacilityStatus status = LedgerLabels.parseStatus(statusText);
            if (status != a.status()) {
                progress.checkTransition(f, status);
                newStatus = status;
                LocalDate actualStart = date(row, LedgerColumn.ACTUAL_START);
                LocalDate actualCompletion = date(row, LedgerColumn.ACTUAL_COMPLETION);
                date = status == FacilityStatus.UNDER_CONSTRUCTION ? actualStart
                        : status == FacilityStatus.COMPLETED ? actualCompletion : null;
            }
        }
        // registry fields
        String district = row.get(LedgerColumn.DISTRICT);
        String address = row.get(LedgerColumn.ADDRESS);
        String unit = row.get(LedgerColumn.RESPONSIBLE_UNIT);
        double lon = a.lonWgs84();
        double lat = a.latWgs84();
        String lonText = row.get(LedgerColumn.LONGITUDE);
        String latText = row.get(LedgerColumn.LATITUDE);
        if (lonText != null || latText != null) {
            if (lonText == null || latText == null) {
                throw new IllegalArgumentException("经度 and 纬度 (longitude and latitude) go together; one is empty");
            }
            String crsText = row.get(LedgerColumn.CRS);
            CoordinateSystem crs = crsText == null ? CoordinateSystem.WGS84 : CoordinateSystem.fromCode(crsText);
            LonLat wgs84 = crs.toWgs84(number(lonText, "经度 (longitude)"), number(latText, "纬度 (latitude)"));
            if (Math.abs(wgs84.lon() - lon) > SAME_POSITION_DEGREES || Math.abs(wgs84.lat() - lat) > SAME_POSITION_DEGREES) {
                lon = wgs84.lon();
                lat = wgs84.lat();
            }
        }
        FacilityAttributes edited = new FacilityAttributes(a.type(), a.status(), a.name(), address, district, a.capacity(),
                a.toiletGrade(), a.openingHours(), a.barrierFree(), unit, lon, lat, a.source());
        FacilityAttributes newAttributes = edited.equals(a) ? null : edited;
        // progress record
        Integer percent = percent(row);
        String remark = row.get(LedgerColumn.REMARK);
        LocalDate plannedStart = date(row, LedgerColumn.PLANNED_START);
        LocalDate plannedCompletion = date(row, LedgerColumn.PLANNED_COMPLETION);
        boolean percentChanged = percent != null && percent != p.progressPercent();
        if (percentChanged && percent < p.progressPercent() && remark == null) {
            throw new IllegalArgumentException("进度% (progress) of facility " + id + " goes back from " + p.progressPercent()
                    + "% to " + percent + "%: write the reason in 备注 (remark)");
        }
        boolean datesChanged = plannedStart != null && !plannedStart.equals(p.plannedStart())
                || plannedCompletion != null && !plannedCompletion.equals(p.plannedCompletion());
        boolean remarkChanged = !Objects.equals(remark, p.remark());
        ProgressChange change = percentChanged || datesChanged || remarkChanged
                ? new ProgressChange(percentChanged ? percent : null, remark, plannedStart, plannedCompletion,
                        remark == null ? "" : remark)
                : null;
        if (change != null) {
            // validated now: the same rules apply when it is written
            new FacilityProgress(id, p.projectId(), percentChanged ? percent : p.progressPercent(),
                    plannedStart == null ? p.plannedStart() : plannedStart,
                    plannedCompletion == null ? p.plannedCompletion() : plannedCompletion, remark);
        }
        return new Plan(row, f, newStatus, date, newAttributes, change, null);
    }

    private Plan planNew(LedgerRow row, boolean mayAddFacilities, Map<String, Project> projectsByName) {
        if (!mayAddFacilities) {
            throw new IllegalArgumentException("设施编号 (facility id) is empty: adding facilities through a ledger needs the "
                    + "planner role");
        }
        String projectName = row.get(LedgerColumn.PROJECT);
        if (projectName == null) {
            throw new IllegalArgumentException("a new facility (no 设施编号) needs its 项目名称 (project)");
        }
        Project project = projectsByName.get(projectName.strip());
        if (project == null) {
            throw new IllegalArgumentException("项目名称 (project) '" + projectName + "' does not exist; create the project first");
        }
        String typeText = row.get(LedgerColumn.TYPE);
        if (typeText != null && LedgerLabels.parseType(typeText) != project.draft().facilityType()) {
            throw new IllegalArgumentException("设施类型 (type) '" + typeText + "' is not project '" + projectName + "''s type "
                    + project.draft().facilityType().code());
        }
        String statusText = row.get(LedgerColumn.STATUS);
        if (statusText != null && LedgerLabels.parseStatus(statusText) != FacilityStatus.PLANNED) {
            throw new IllegalArgumentException("a new facility starts as 规划 (planned), not " + statusText
                    + "; add it, then record its progress");
        }
        String lonText = row.get(LedgerColumn.LONGITUDE);
        String latText = row.get(LedgerColumn.LATITUDE);
        if (lonText == null || latText == null) {
            throw new IllegalArgumentException("a new facility needs 经度 and 纬度 (longitude and latitude)");
        }
        String crsText = row.get(LedgerColumn.CRS);
        CoordinateSystem crs = crsText == null ? CoordinateSystem.WGS84 : CoordinateSystem.fromCode(crsText);
        LonLat wgs84 = crs.toWgs84(number(lonText, "经度 (longitude)"), number(latText, "纬度 (latitude)"));
        String district = row.get(LedgerColumn.DISTRICT);
        if (district != null && !project.draft().districts().isEmpty() && !project.draft().districts().contains(district)) {
            throw new IllegalArgumentException("所属区 (district) '" + district + "' is not one of project '" + projectName
                    + "''s districts " + project.draft().districts());
        }
        FacilityAttributes attributes = new FacilityAttributes(project.draft().facilityType(), FacilityStatus.PLANNED, null,
                row.get(LedgerColumn.ADDRESS), district, null, null, null, null, row.get(LedgerColumn.RESPONSIBLE_UNIT),
                wgs84.lon(), wgs84.lat(), org.sanimap.facility.FacilitySource.manual());
        Integer percent = percent(row);
        String remark = row.get(LedgerColumn.REMARK);
        LocalDate plannedStart = date(row, LedgerColumn.PLANNED_START);
        LocalDate plannedCompletion = date(row, LedgerColumn.PLANNED_COMPLETION);
        if (plannedStart != null && plannedCompletion != null && plannedCompletion.isBefore(plannedStart)) {
            throw new IllegalArgumentException("计划完工 " + plannedCompletion + " is before 计划开工 " + plannedStart);
        }
        ProgressChange change = percent != null || remark != null || plannedStart != null || plannedCompletion != null
                ? new ProgressChange(percent, remark, plannedStart, plannedCompletion, remark) : null;
        return new Plan(row, null, null, null, null, change, new NewFacility(project.id(), attributes));
    }

    private static Integer percent(LedgerRow row) {
        String percentText = row.get(LedgerColumn.PROGRESS_PERCENT);
        if (percentText == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(percentText.replace("%", "").strip());
            if (v != Math.rint(v) || v < 0 || v > 100) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("进度% (progress) '" + percentText + "' is not a whole number from 0 to 100");
        }
    }

    private static LocalDate date(LedgerRow row, LedgerColumn column) {
        return Dates.parse(column.header("zh") + " (" + column.header("en").toLowerCase(java.util.Locale.ROOT) + ")",
                row.get(column));
    }

    private static double number(String text, String field) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a number");
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
