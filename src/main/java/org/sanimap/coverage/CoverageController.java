package org.sanimap.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sanimap.engine.coverage.DemandPoint;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.progress.Dates;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/coverage}: the coverage report and its uncovered cells. */
@RestController
@Tag(name = "coverage", description = "Coverage gaps against a service radius")
class CoverageController {

    private final CoverageService service;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    CoverageController(CoverageService service, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @GetMapping("/api/coverage")
    @Operation(summary = "Covered and uncovered population, per district, with the largest gaps")
    CoverageReport coverage(@ParameterObject CoverageParams params) {
        return outcome(params).report();
    }

    @GetMapping("/api/coverage/by-type")
    @Operation(summary = "One report per facility type with an active radius rule, each at that rule's radius")
    List<CoverageReport> byType(@RequestParam(required = false) String metric,
            @RequestParam(required = false) List<String> include,
            @RequestParam(defaultValue = "false") boolean mobileAsToilets,
            @RequestParam(required = false) String layer, @RequestParam(required = false) String weighting,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String districtLayer,
            @Parameter(description = ZONE_LAYER) @RequestParam(required = false) String zoneLayer) {
        CoverageRequest checked = request("public_toilet", 1, metric, include, mobileAsToilets, layer, weighting, asOf,
                districtLayer, null);
        return service.byType(metric, checked.statuses(), mobileAsToilets, layer, weighting, checked.asOf(),
                checked.districtLayer(), zoneLayer);
    }

    @GetMapping(path = "/api/coverage/by-type.csv", produces = "text/csv")
    @Operation(summary = "The per-type campaign table (type x district) as CSV")
    ResponseEntity<byte[]> byTypeCsv(@RequestParam(required = false) String metric,
            @RequestParam(required = false) List<String> include, @RequestParam(defaultValue = "false") boolean mobileAsToilets,
            @RequestParam(required = false) String layer, @RequestParam(required = false) String weighting,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String districtLayer,
            @Parameter(description = ZONE_LAYER) @RequestParam(required = false) String zoneLayer) {
        return download(CoverageTableWriter.byTypeCsv(byType(metric, include, mobileAsToilets, layer, weighting, asOf, districtLayer,
                zoneLayer)),
                "text/csv;charset=UTF-8", "coverage-by-type.csv");
    }

    @GetMapping(path = "/api/coverage/by-type.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The per-type campaign table (type x district) as an Excel workbook")
    ResponseEntity<byte[]> byTypeXlsx(@RequestParam(required = false) String metric,
            @RequestParam(required = false) List<String> include, @RequestParam(defaultValue = "false") boolean mobileAsToilets,
            @RequestParam(required = false) String layer, @RequestParam(required = false) String weighting,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String districtLayer,
            @Parameter(description = ZONE_LAYER) @RequestParam(required = false) String zoneLayer) {
        return download(CoverageTableWriter.byTypeXlsx(byType(metric, include, mobileAsToilets, layer, weighting, asOf, districtLayer,
                zoneLayer)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "coverage-by-type.xlsx");
    }

    @GetMapping("/api/coverage/uncovered")
    @Operation(summary = "The uncovered demand cells as GeoJSON points")
    ResponseEntity<Map<String, Object>> uncovered(@ParameterObject CoverageParams params) {
        CoverageService.Outcome outcome = outcome(params);
        List<Map<String, Object>> features = new ArrayList<>();
        List<DemandPoint> demand = outcome.study().demand();
        for (int i = 0; i < demand.size(); i++) {
            if (outcome.study().coverage().isCovered(i)) {
                continue;
            }
            DemandPoint d = demand.get(i);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", d.id());
            props.put("population", d.population());
            props.put("district", d.district());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("geometry", Map.of("type", "Point", "coordinates", List.of(d.lonWgs84(), d.latWgs84())));
            f.put("properties", props);
            features.add(f);
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(fc);
    }

    @GetMapping("/api/coverage/catchments")
    @Operation(summary = "Per counted facility: residents within its reach, and those only it reaches (who would lose "
            + "coverage if it closed)")
    List<CoverageService.FacilityCatchment> catchments(@ParameterObject CoverageParams params) {
        CoverageService.Outcome outcome = outcome(params);
        return service.catchments(outcome, outcome.report().metric());
    }

    @GetMapping(path = {"/api/coverage/catchments.csv", "/api/coverage/catchments.xlsx"})
    @Operation(summary = "The catchments as a table (CSV, UTF-8 with BOM, or XLSX), most residents only reached first")
    ResponseEntity<byte[]> catchmentTable(@ParameterObject CoverageParams params, jakarta.servlet.http.HttpServletRequest request) {
        List<CoverageService.FacilityCatchment> rows = new ArrayList<>(catchments(params));
        rows.sort(java.util.Comparator.comparingDouble(CoverageService.FacilityCatchment::residentsOnlyHere).reversed());
        List<String> headers = List.of("编号 id", "名称 name", "类型 type", "所属区 district", "服务人口 residents within reach",
                "仅由此覆盖 reached by no other", "单元 cells", "仅由此覆盖单元 cells only here");
        List<List<Object>> table = new ArrayList<>();
        for (CoverageService.FacilityCatchment c : rows) {
            table.add(java.util.Arrays.asList(c.facilityId(), c.name(), c.type(), c.district(), Math.round(c.residentsWithin()),
                    Math.round(c.residentsOnlyHere()), c.cells(), c.cellsOnlyHere()));
        }
        boolean xlsx = request.getRequestURI().endsWith(".xlsx");
        return download(xlsx ? org.sanimap.api.TableFiles.xlsx("服务人口 catchments", headers, table, true)
                : org.sanimap.api.TableFiles.csv(headers, table),
                xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=UTF-8",
                "catchments." + (xlsx ? "xlsx" : "csv"));
    }

    @GetMapping("/api/coverage/gap-areas")
    @Operation(summary = "Gap polygons (each district minus the service area) and the service area, as GeoJSON")
    ResponseEntity<Map<String, Object>> gapAreas(@ParameterObject CoverageParams params) throws Exception {
        CoverageService.Outcome outcome = outcome(params);
        CoverageService.GapAreas areas = service.gapAreas(outcome, outcome.report().metric());
        org.locationtech.jts.io.geojson.GeoJsonWriter writer = new org.locationtech.jts.io.geojson.GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        List<Map<String, Object>> features = new ArrayList<>();
        Map<String, Object> served = new LinkedHashMap<>();
        served.put("type", "Feature");
        served.put("geometry", json.readTree(writer.write(areas.serviceAreaWgs84())));
        served.put("properties", Map.of("kind", "service_area", "metric", outcome.report().metric(),
                "radiusMeters", outcome.report().radiusMeters()));
        features.add(served);
        for (org.sanimap.engine.coverage.GapAreaBuilder.GapArea g : areas.gaps()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("geometry", json.readTree(writer.write(g.areaWgs84())));
            f.put("properties", Map.of("kind", "gap", "district", g.district(), "areaKm2", g.areaKm2()));
            features.add(f);
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(fc);
    }

    @GetMapping("/api/coverage/trend")
    @Operation(summary = "Covered population on a series of days (from, to, step), from the facilities as they stood then")
    CoverageTrend trend(@ParameterObject CoverageParams params,
            @Parameter(description = "first day, YYYY-MM-DD; default: a year before to") @RequestParam(required = false) String from,
            @Parameter(description = "last day, YYYY-MM-DD; default: today") @RequestParam(required = false) String to,
            @Parameter(description = "week, month (default), quarter or year") @RequestParam(required = false) String step) {
        if (params.asOf() != null && !params.asOf().isBlank()) {
            throw new IllegalArgumentException("asOf does not apply to a trend; give from and to");
        }
        if (params.type() == null || params.type().isBlank()) {
            throw new IllegalArgumentException("type is required; expected one of " + FacilityType.codes());
        }
        LocalDate last = Optional.ofNullable(Dates.parse("to", to)).orElse(service.today());
        LocalDate first = Optional.ofNullable(Dates.parse("from", from)).orElse(last.minusYears(1));
        CoverageRequest request = request(params.type(), params.radiusMeters() == null ? 1 : params.radiusMeters(),
                params.metric(), params.include(), Boolean.TRUE.equals(params.mobileAsToilets()), params.layer(),
                params.weighting(), null, params.districtLayer(), params.zoneLayer());
        return service.trend(request, params.radiusMeters() == null, first, last,
                step == null || step.isBlank() ? "month" : step.strip());
    }

    @GetMapping(path = "/api/coverage/trend.csv", produces = "text/csv")
    @Operation(summary = "The trend as CSV (UTF-8 with BOM, bilingual headers)")
    ResponseEntity<byte[]> trendCsv(@ParameterObject CoverageParams params, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String step) {
        CoverageTrend trend = trend(params, from, to, step);
        return download(CoverageTableWriter.trendCsv(trend), "text/csv;charset=UTF-8", trendFileName(trend, "csv"));
    }

    @GetMapping(path = "/api/coverage/trend.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The trend as an Excel workbook")
    ResponseEntity<byte[]> trendXlsx(@ParameterObject CoverageParams params, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String step) {
        CoverageTrend trend = trend(params, from, to, step);
        return download(CoverageTableWriter.trendXlsx(trend), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                trendFileName(trend, "xlsx"));
    }

    private static String trendFileName(CoverageTrend trend, String extension) {
        return "coverage-trend-" + trend.type() + "-" + Math.round(trend.radiusMeters()) + "m." + extension;
    }

    @GetMapping(path = "/api/coverage/report.csv", produces = "text/csv")
    @Operation(summary = "The per-district table as CSV (UTF-8 with BOM, bilingual headers)")
    ResponseEntity<byte[]> csv(@ParameterObject CoverageParams params) {
        CoverageReport report = outcome(params).report();
        return download(CoverageTableWriter.csv(report), "text/csv;charset=UTF-8", fileName(report, "csv"));
    }

    @GetMapping(path = "/api/coverage/report.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The report as an Excel workbook: districts, gaps and parameters")
    ResponseEntity<byte[]> xlsx(@ParameterObject CoverageParams params) {
        CoverageReport report = outcome(params).report();
        return download(CoverageTableWriter.xlsx(report),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName(report, "xlsx"));
    }

    @GetMapping(path = "/api/coverage/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "A printable report with a static map, the figures and the standard with its source")
    ResponseEntity<String> html(@ParameterObject CoverageParams params,
            @Parameter(description = "YYYY-MM-DD: add the change since that day (e.g. the campaign's start), per district")
            @RequestParam(required = false) String since,
            @Parameter(description = "week, month, quarter or year: add the covered population on each such day from since "
                    + "(default: a year before the report's day) to the report's day") @RequestParam(required = false) String trend) {
        CoverageService.Outcome outcome = outcome(params);
        CoverageReport earlier = null;
        LocalDate sinceDay = Dates.parse("since", since);
        LocalDate reportDay = Optional.ofNullable(Dates.parse("asOf", params.asOf())).orElse(service.today());
        if (sinceDay != null) {
            if (!sinceDay.isBefore(reportDay)) {
                throw new IllegalArgumentException("since " + sinceDay + " must be before the report's day, " + reportDay);
            }
            earlier = outcome(params.with(outcome.report().radiusMeters(), sinceDay.toString())).report();
        }
        CoverageTrend series = null;
        if (trend != null && !trend.isBlank()) {
            series = trend(params.with(params.radiusMeters(), null), (sinceDay != null ? sinceDay : reportDay.minusYears(1)).toString(), reportDay.toString(),
                    trend);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .body(CoveragePrintReport.html(outcome, earlier, series));
    }

    private static String fileName(CoverageReport report, String extension) {
        return "coverage-" + report.type() + "-" + report.metric() + "-" + Math.round(report.radiusMeters()) + "m." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String contentType, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").body(body);
    }

    /**
     * The query parameters every coverage endpoint takes.
     *
     * @param type            facility type (required)
     * @param radiusMeters    service radius in metres; default: the type's active radius rule
     * @param metric          euclidean (default) or walking
     * @param include         statuses counted besides in_service, comma separated
     * @param mobileAsToilets count mobile toilets as toilets
     * @param layer           demand layer (default: the only one)
     * @param weighting       centroid (default) or area
     * @param asOf            a past day whose facilities count, with their statuses then (default: today's registry)
     * @param districtLayer   the layer of planning areas that splits the figures (default: every stored one)
     * @param zoneLayer       a layer of areas named after the area classes of the type's active radius rules: each
     *                        takes its rule's radius (default: one radius everywhere)
     */
    record CoverageParams(
            @Parameter(description = "facility type, e.g. public_toilet", required = true) String type,
            @Parameter(description = "service radius in metres; default: the type's active radius rule (toilets 300 m, "
                    + "collection points 120 m, GB 55013-2021)") Double radiusMeters,
            @Parameter(description = "euclidean (straight line, default) or walking (along the pedestrian network)") String metric,
            @Parameter(description = "statuses counted besides in_service, comma separated, e.g. under_construction")
            List<String> include,
            @Parameter(description = "count mobile toilets as toilets") Boolean mobileAsToilets,
            @Parameter(description = "demand layer; default: the only one loaded") String layer,
            @Parameter(description = "centroid (default: a cell counts by its centre) or area (covered share of its polygon)")
            String weighting,
            @Parameter(description = "YYYY-MM-DD: count the facilities as they stood at the end of that day (default: today's "
                    + "registry); a day ahead counts those due for completion by then as in service") String asOf,
            @Parameter(description = "the layer of planning areas (districts) that splits the figures, e.g. 街道; default: "
                    + "every stored layer") String districtLayer,
            @Parameter(description = ZONE_LAYER) String zoneLayer) {

        /** The same parameters at another radius (null: the standard's) and day (null: today's registry). */
        CoverageParams with(Double radius, String day) {
            return new CoverageParams(type, radius, metric, include, mobileAsToilets, layer, weighting, day, districtLayer,
                    zoneLayer);
        }
    }

    static final String ZONE_LAYER = "a layer of areas (e.g. land use, imported with target=districts and nameProperty=) "
            + "named after the area classes of the type's active radius rules: inside each its rule's radius applies, "
            + "elsewhere radiusMeters (default: one radius everywhere)";

    private CoverageService.Outcome outcome(CoverageParams p) {
        if (p.type() == null || p.type().isBlank()) {
            throw new IllegalArgumentException("type is required; expected one of " + FacilityType.codes());
        }
        boolean mobile = Boolean.TRUE.equals(p.mobileAsToilets());
        if (p.radiusMeters() == null) {
            // any positive radius passes validation; the service replaces it with the standard's
            return service.analyzeWithActiveStandard(request(p.type(), 1, p.metric(), p.include(), mobile, p.layer(),
                    p.weighting(), p.asOf(), p.districtLayer(), p.zoneLayer()));
        }
        return service.analyze(request(p.type(), p.radiusMeters(), p.metric(), p.include(), mobile, p.layer(), p.weighting(),
                p.asOf(), p.districtLayer(), p.zoneLayer()));
    }

    private static CoverageRequest request(String type, double radiusMeters, String metric, List<String> include,
            boolean mobileAsToilets, String layer, String weighting, String asOf, String districtLayer, String zoneLayer) {
        Set<FacilityStatus> statuses = EnumSet.of(FacilityStatus.IN_SERVICE);
        if (include != null) {
            include.stream().flatMap(s -> java.util.Arrays.stream(s.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                    .map(FacilityStatus::fromCode).forEach(statuses::add);
        }
        return new CoverageRequest(FacilityType.fromCode(type), radiusMeters, metric, statuses, mobileAsToilets, layer,
                weighting, Dates.parse("asOf", asOf), districtLayer, zoneLayer);
    }
}
