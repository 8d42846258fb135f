package org.sanimap.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanimap.api.TableFiles;
import org.sanimap.facility.FacilityStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/dashboard}: counts, the campaign report, completions per month and the overdue list, on any date. */
@RestController
@Tag(name = "dashboard", description = "Construction progress dashboards, on any past date")
class DashboardController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ProgressService service;

    DashboardController(ProgressService service) {
        this.service = service;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "Facility counts grouped by district, status and/or type, as of a date (default today)")
    Map<String, Object> dashboard(
            @Parameter(description = "district,status,type (any, in order)") @RequestParam(defaultValue = "district,status,type") String groupBy,
            @Parameter(description = "YYYY-MM-DD, default today") @RequestParam(required = false) String asOf,
            @Parameter(description = "project id; default the whole registry") @RequestParam(required = false) Long project) {
        Dashboard d = service.dashboard(Arrays.asList(groupBy.split(",")), Dates.parse("asOf", asOf), project);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("asOf", d.asOf().toString());
        json.put("project", d.projectId());
        json.put("groupBy", d.groupBy());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Dashboard.Row r : d.rows()) {
            Map<String, Object> row = new LinkedHashMap<>(r.values());
            row.put("count", r.count());
            rows.add(row);
        }
        json.put("rows", rows);
        json.put("total", d.total());
        json.put("totals", d.totals());
        return json;
    }

    static final List<String> REPORT_HEADERS = reportHeaders();

    private static List<String> reportHeaders() {
        List<String> h = new ArrayList<>(List.of("所属区 district", "设施类型 facility type", "合计 total"));
        for (FacilityStatus s : FacilityStatus.values()) {
            h.add(LedgerLabels.status(s) + " " + s.code());
        }
        return List.copyOf(h);
    }

    /** The campaign report: one row per district and type, counts per status, a total row per type. */
    private List<List<Object>> reportRows(String asOf, Long project) {
        Dashboard d = service.dashboard(List.of("type", "district", "status"), Dates.parse("asOf", asOf), project);
        Map<List<String>, long[]> table = new LinkedHashMap<>();
        Map<String, long[]> perType = new LinkedHashMap<>();
        int n = FacilityStatus.values().length;
        for (Dashboard.Row r : d.rows()) {
            String type = r.values().get("type");
            String district = r.values().get("district");
            int s = FacilityStatus.fromCode(r.values().get("status")).ordinal();
            table.computeIfAbsent(List.of(type, district == null ? "" : district), k -> new long[n + 1])[s] += r.count();
            perType.computeIfAbsent(type, k -> new long[n + 1])[s] += r.count();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> type : perType.entrySet()) {
            table.forEach((key, counts) -> {
                if (key.get(0).equals(type.getKey())) {
                    rows.add(reportRow(key.get(1).isEmpty() ? "(无 none)" : key.get(1), key.get(0), counts));
                }
            });
            rows.add(reportRow("合计 total", type.getKey(), type.getValue()));
        }
        return rows;
    }

    private static List<Object> reportRow(String district, String type, long[] counts) {
        List<Object> row = new ArrayList<>(List.of(district, type));
        long total = 0;
        for (int i = 0; i < FacilityStatus.values().length; i++) {
            total += counts[i];
        }
        row.add(total);
        for (int i = 0; i < FacilityStatus.values().length; i++) {
            row.add(counts[i]);
        }
        return row;
    }

    @GetMapping(path = "/api/dashboard/report.csv", produces = "text/csv")
    @Operation(summary = "The campaign report (district x type, counts per status, totals per type) as CSV")
    ResponseEntity<byte[]> reportCsv(@RequestParam(required = false) String asOf, @RequestParam(required = false) Long project) {
        return download(TableFiles.csv(REPORT_HEADERS, reportRows(asOf, project)), "text/csv",
                "progress-report.csv");
    }

    @GetMapping(path = "/api/dashboard/report.xlsx", produces = XLSX)
    @Operation(summary = "The campaign report as XLSX")
    ResponseEntity<byte[]> reportXlsx(@RequestParam(required = false) String asOf, @RequestParam(required = false) Long project) {
        return download(TableFiles.xlsx("进度 progress", REPORT_HEADERS, reportRows(asOf, project), true), XLSX,
                "progress-report.xlsx");
    }

    @GetMapping("/api/dashboard/completions")
    @Operation(summary = "Completions per month (first entry into completed)")
    List<Map<String, Object>> completions(@RequestParam(required = false) Long project) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<YearMonth, Long> e : service.completionsPerMonth(project).entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", e.getKey().toString());
            m.put("completed", e.getValue());
            out.add(m);
        }
        return out;
    }

    @GetMapping(path = "/api/dashboard/completions.csv", produces = "text/csv")
    ResponseEntity<byte[]> completionsCsv(@RequestParam(required = false) Long project) {
        List<List<Object>> rows = new ArrayList<>();
        service.completionsPerMonth(project).forEach((m, c) -> rows.add(Arrays.<Object>asList(m.toString(), c)));
        return download(TableFiles.csv(List.of("月份 month", "建成数 completed"), rows), "text/csv",
                "completions.csv");
    }

    @GetMapping("/api/dashboard/overdue")
    @Operation(summary = "Facilities whose planned start or completion passed before the date without being reached")
    List<Map<String, Object>> overdue(@RequestParam(required = false) String asOf, @RequestParam(required = false) Long project) {
        LocalDate date = Dates.parse("asOf", asOf);
        LocalDate on = date == null ? service.today() : date;
        List<Map<String, Object>> out = new ArrayList<>();
        for (FacilityState s : service.overdue(date, project)) {
            Map<String, Object> m = ProgressJson.state(s);
            m.put("daysOverdue", java.time.temporal.ChronoUnit.DAYS.between(s.overdueSince(), on));
            out.add(m);
        }
        return out;
    }

    @GetMapping(path = "/api/dashboard/overdue.csv", produces = "text/csv")
    ResponseEntity<byte[]> overdueCsv(@RequestParam(required = false) String asOf, @RequestParam(required = false) Long project) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> m : overdue(asOf, project)) {
            rows.add(Arrays.<Object>asList(m.get("facilityId"), m.get("name"), m.get("district"), m.get("status"),
                    m.get("overdueMilestone"), m.get("overdueSince"), m.get("daysOverdue")));
        }
        return download(TableFiles.csv(List.of("设施编号 facility id", "名称 name", "所属区 district", "状态 status",
                "逾期节点 milestone", "计划日期 planned date", "逾期天数 days overdue"), rows), "text/csv", "overdue.csv");
    }

    @GetMapping("/api/dashboard/facilities")
    @Operation(summary = "Every facility's state on a date (status, percent, overdue): what the map's date slider shows")
    List<Map<String, Object>> facilities(@RequestParam(required = false) String asOf,
            @RequestParam(required = false) Long project) {
        return ProgressJson.states(service.statesOn(Dates.parse("asOf", asOf), project));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String contentType, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").body(body);
    }
}
