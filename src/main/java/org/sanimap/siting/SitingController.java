package org.sanimap.siting;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.security.Principal;
import java.util.List;
import org.sanimap.api.TableFiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/siting}: propose new sites, follow and cancel runs, accept proposals into a project. */
@RestController
@Tag(name = "siting", description = "Propose new facility sites where the active standard leaves residents uncovered")
class SitingController {

    private final SitingService siting;

    SitingController(SitingService siting) {
        this.siting = siting;
    }

    /** Starts a run: 202 with its state and Location; {@code wait=true} answers 200 when it has ended. */
    @Operation(summary = "Start a siting run (LSCP or MCLP) on the registry and the demand layer",
            description = "Body: type, model (mclp|lscp), p (mclp), targetCoverage (lscp, default 1), radiusMeters (default: the"
                    + " active standard), metric (euclidean|walking), candidates {source: grid|network|layer, spacingMeters,"
                    + " points: GeoJSON points}, exclusions (GeoJSON polygons), include (statuses counted as existing),"
                    + " mobileAsToilets, layer, district (serve one planning area only), districtLayer, districtQuotas"
                    + " ({district: most new sites}, mclp), minSpacingMeters (least distance between new sites, mclp), zoneLayer"
                    + " (radii by zone), timeLimitSeconds (1-600, default 60), exact (default true). 202 with the run"
                    + " and its Location; with wait=true, 200 once it has ended.")
    @PostMapping("/api/siting")
    ResponseEntity<SitingJob> submit(@RequestBody JsonNode body, @RequestParam(defaultValue = "false") boolean wait,
            Principal user) throws InterruptedException {
        SitingJob job = siting.submit(SitingRequest.fromJson(body), body, user == null ? "anonymous" : user.getName());
        URI location = URI.create("/api/siting/" + job.id());
        if (wait) {
            return ResponseEntity.ok().location(location).body(siting.await(job.id()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(job);
    }

    @Operation(summary = "The latest siting runs, newest first: who asked, state, status, objective, bound, proposals accepted",
            description = "limit: 1 to 500, default 50. Runs are stored: they stay listed and acceptable after a restart.")
    @GetMapping("/api/siting")
    List<SitingRunSummary> history(@RequestParam(defaultValue = "50") int limit) {
        return siting.history(limit);
    }

    @Operation(summary = "A run's state and progress (phase, best objective, bound, elapsed) and, once ended, its answer")
    @GetMapping("/api/siting/{id}")
    SitingJob job(@PathVariable String id) {
        return siting.job(id);
    }

    /** The proposals as a table: CSV (UTF-8 with BOM) or XLSX, one row per proposed site. */
    @Operation(summary = "A run's proposals as CSV or XLSX: rank, candidate, position, residents added, district")
    @GetMapping(path = {"/api/siting/{id}/proposals.csv", "/api/siting/{id}/proposals.xlsx"})
    ResponseEntity<byte[]> proposals(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        SitingAnswer answer = siting.job(id).result();
        if (answer == null) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.CONFLICT, "siting run " + id + " has no answer yet");
        }
        List<String> headers = List.of("序号 rank", "候选点 candidate", "经度 lon (WGS84)", "纬度 lat (WGS84)",
                "新增覆盖人口 residents added", "所属区 district");
        List<List<Object>> rows = new ArrayList<>();
        for (SitingAnswer.Proposal p : answer.proposals()) {
            rows.add(java.util.Arrays.asList(p.rank(), p.candidateId(), p.lonWgs84(), p.latWgs84(), p.populationAdded(), p.district()));
        }
        boolean xlsx = request.getRequestURI().endsWith(".xlsx");
        byte[] body = xlsx ? TableFiles.xlsx("选址 siting", headers, rows, true) : TableFiles.csv(headers, rows);
        String name = "siting-" + id + (xlsx ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(xlsx
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8"))
                .body(body);
    }

    @Operation(summary = "Cancel a run; a running one keeps its best answer so far")
    @DeleteMapping("/api/siting/{id}")
    SitingJob cancel(@PathVariable String id) {
        return siting.cancel(id);
    }

    /**
     * Body: {@code {"projectName": "...", "ranks": [1, 2, ...], "responsibleUnit": "..."}} (no ranks:
     * all): a new project whose facilities are the proposals, planned.
     */
    @Operation(summary = "Accept proposals into a new project of planned facilities",
            description = "Body: projectName, ranks (default all), responsibleUnit. 201 with the project id and the facility ids.")
    @PostMapping("/api/siting/{id}/accept")
    ResponseEntity<SitingService.Accepted> accept(@PathVariable String id, @RequestBody JsonNode body, Principal user) {
        List<Integer> ranks = new ArrayList<>();
        JsonNode r = body.path("ranks");
        if (!r.isMissingNode() && !r.isNull()) {
            if (!r.isArray()) {
                throw new IllegalArgumentException("ranks must be a list of proposal ranks");
            }
            r.forEach(n -> {
                if (!n.isInt()) {
                    throw new IllegalArgumentException("rank '" + n.asText() + "' is not a whole number");
                }
                ranks.add(n.asInt());
            });
        }
        SitingService.Accepted accepted = siting.accept(id, body.path("projectName").asText(null), ranks,
                body.path("responsibleUnit").asText(null), user == null ? "anonymous" : user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/projects/" + accepted.projectId())).body(accepted);
    }
}
