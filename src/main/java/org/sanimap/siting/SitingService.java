package org.sanimap.siting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sanimap.demand.DemandCell;
import org.sanimap.demand.DemandService;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.engine.coverage.GreatCircle;
import org.sanimap.engine.coverage.RadiusZones;
import org.sanimap.engine.network.WalkingCoverageAnalyzer;
import org.sanimap.engine.network.WalkingGraph;
import org.sanimap.engine.siting.CandidateGenerator;
import org.sanimap.engine.siting.CoverageSetBuilder;
import org.sanimap.engine.siting.CoverageSets;
import org.sanimap.engine.siting.SitingModel;
import org.sanimap.engine.siting.SitingOptimizer;
import org.sanimap.engine.siting.SitingOptions;
import org.sanimap.engine.siting.SitingProblem;
import org.sanimap.engine.siting.SitingProposal;
import org.sanimap.engine.siting.SitingQuotas;
import org.sanimap.engine.siting.SitingSpacing;
import org.sanimap.engine.siting.SitingResult;
import org.sanimap.engine.siting.SolveStatus;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityService;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.network.NetworkService;
import org.sanimap.progress.ProgressService;
import org.sanimap.progress.Project;
import org.sanimap.progress.ProjectDraft;
import org.sanimap.standards.RadiusZoning;
import org.sanimap.standards.StandardsService;
import org.sanimap.standards.StoredRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Siting on the registry: proposes new sites of a type where the active standard's radius leaves
 * residents uncovered, keeping the facilities that exist or are being built. Runs are asynchronous
 * (one at a time, others queue), report progress, can be cancelled, and their proposals can be accepted
 * as the planned facilities of a new construction project. Every run is stored (request, who asked,
 * how it ended, answer) and stays readable and acceptable after a restart; a stop of the server cancels
 * the running run, which stores its best answer, and a run that could not is marked failed on the next
 * start. Live progress is kept in memory for the latest runs only.
 */
@Service
public class SitingService {

    private static final int KEPT_RUNS = 50;
    /** Most runs the history lists at once. */
    static final int MAX_LISTED = 500;
    static final String INTERRUPTED = "the server stopped before this run ended";
    /** How long a stop of the server waits for the cancelled runs to store what they have. */
    private static final long STOP_WAIT_SECONDS = 15;
    private static final Logger LOG = LoggerFactory.getLogger(SitingService.class);

    private final FacilityService facilities;
    private final DemandService demand;
    private final NetworkService network;
    private final StandardsService standards;
    private final ProgressService progress;
    private final SitingRunRepository stored;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int keptRuns;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "siting");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    SitingService(FacilityService facilities, DemandService demand, NetworkService network, StandardsService standards,
            ProgressService progress, SitingRunRepository stored, ObjectMapper json, PlatformTransactionManager transactions,
            SitingSettings settings) {
        this.keptRuns = settings.keptRuns();
        this.facilities = facilities;
        this.progress = progress;
        this.stored = stored;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.demand = demand;
        this.network = network;
        this.standards = standards;
        this.clock = Clock.systemUTC();
    }

    /** Runs left queued or running by the last stop of the server did not end: they are marked failed. */
    @PostConstruct
    void markInterruptedRuns() {
        int interrupted = stored.failUnfinished(INTERRUPTED);
        if (interrupted > 0) {
            LOG.warn("{} siting runs were interrupted by the last stop of the server; marked failed", interrupted);
        }
    }

    @PreDestroy
    void stop() {
        runs.values().forEach(r -> {
            r.cancelRequested = true; // what a stop cuts short is reported cancelled, not done
            r.optimizer.cancel();
        });
        // the running run stores its best answer so far and the queued ones their cancel before the store closes
        // (without the wait the store closed first, and the next start marked them failed with nothing kept)
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("siting runs did not end within {} s of the stop; the next start marks them failed", STOP_WAIT_SECONDS);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    /**
     * Checks the request against the stores (radius, layer, zones), stores and queues the run.
     *
     * @param body     the request as posted, kept with the run
     * @param userName who asks
     */
    public SitingJob submit(SitingRequest request, JsonNode body, String userName) {
        Double standardRadius = null;
        String standardCode = null;
        RadiusZoning zoning = request.zoneLayer() == null ? null
                : standards.radiusZones(request.type(), demand.namedAreas(request.zoneLayer())).requireZones(request.zoneLayer());
        if (request.radiusMeters() == null) {
            // outside the zones, the earliest active radius rule that no zone is named after
            StoredRule rule = zoning != null && zoning.defaultRule() != null ? zoning.defaultRule()
                    : standards.activeRadius(request.type()).orElseThrow(() -> new IllegalArgumentException(
                    "no radiusMeters given and no active radius rule for " + request.type().code()
                            + " in the standards catalogue; give radiusMeters or activate one"));
            standardRadius = rule.rule().maxValue();
            standardCode = rule.rule().code();
        }
        double radius = request.radiusMeters() != null ? request.radiusMeters() : standardRadius;
        String layer = demand.resolveLayer(request.layer());
        // an unknown district layer is refused here, before the run is queued
        List<String> names = demand.planningAreas(request.districtLayer()).stream().map(a -> a.name()).distinct().sorted()
                .toList();
        if (request.district() != null) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("district '" + request.district() + "' given, but no planning areas are loaded"
                        + " (import them with target=districts)");
            }
            if (!names.contains(request.district())) {
                throw new IllegalArgumentException("unknown district '" + request.district() + "'; expected one of " + names);
            }
        }
        if (request.districtQuotas() != null) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("districtQuotas given, but no planning areas are loaded (import them with "
                        + "target=districts)");
            }
            for (String quota : request.districtQuotas().keySet()) {
                if (!names.contains(quota)) {
                    throw new IllegalArgumentException("districtQuotas: unknown district '" + quota + "'; expected one of " + names);
                }
            }
        }
        List<Geometry> exclusions = polygons(request.exclusions());
        LayerPoints layerPoints = request.candidates().source().equals("layer") ? layerPoints(request.candidates().points()) : null;
        if (request.metric().equals("walking") || request.candidates().source().equals("network")) {
            network.walkingCoverage(); // fails now, with a clear message, when there is no network
        }
        prune();
        Run run = new Run(UUID.randomUUID().toString(), request, body, userName, radius, standardCode,
                zoning == null ? RadiusZones.NONE : zoning.zones(), clock.instant());
        stored.insert(new SitingRunRepository.StoredRun(run.id, run.submittedAt, userName, request.type().code(),
                request.model().code(), request.timeLimitSeconds(), run.state, 0, null, body.toString(), null));
        runs.put(run.id, run);
        String layerName = layer;
        executor.submit(() -> execute(run, layerName, exclusions, layerPoints));
        return run.snapshot(clock.instant());
    }

    /** A run's state: live while it is kept in memory, else as stored. */
    public SitingJob job(String id) {
        Run run = runs.get(id);
        return run != null ? run.snapshot(clock.instant()) : storedJob(storedRun(id));
    }

    /** The latest {@code limit} runs (1 to {@value #MAX_LISTED}), newest first. */
    public List<SitingRunSummary> history(int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw new IllegalArgumentException("limit " + limit + " out of range [1, " + MAX_LISTED + "]");
        }
        List<SitingRunSummary> out = new ArrayList<>();
        for (SitingRunSummary line : stored.latest(limit)) {
            Run live = runs.get(line.id());
            if (live == null || live.recorded) {
                out.add(line);
                continue;
            }
            // still queued or running here: its live state and progress
            SitingJob job = live.snapshot(clock.instant());
            out.add(new SitingRunSummary(line.id(), job.state(), line.submittedAt(), line.submittedBy(), line.type(), line.model(),
                    line.timeLimitSeconds(), job.elapsedMillis(), null, job.objective(), job.bound(), 0, 0, job.error()));
        }
        return out;
    }

    /** Asks the run to stop; it keeps its best answer so far. */
    public SitingJob cancel(String id) {
        Run run = runs.get(id);
        if (run == null) {
            return storedJob(storedRun(id)); // not in memory: ended before
        }
        synchronized (run) {
            if (run.state.equals("queued")) {
                run.state = "cancelled";
            }
            run.cancelRequested = true;
        }
        run.optimizer.cancel();
        return run.snapshot(clock.instant());
    }

    /** Waits (at most the run's limit plus a margin) until the run has ended and is stored. */
    public SitingJob await(String id) throws InterruptedException {
        Run run = runs.get(id);
        if (run == null) {
            return storedJob(storedRun(id)); // not in memory: ended before
        }
        long until = System.nanoTime() + (long) ((run.request.timeLimitSeconds() + 120) * 1e9);
        synchronized (run) {
            while (!run.recorded && System.nanoTime() < until) {
                run.wait(200);
            }
        }
        return run.snapshot(clock.instant());
    }

    /** What accepting proposals created: the project and its planned facilities. */
    public record Accepted(long projectId, String projectName, List<Long> facilityIds) {
    }

    /**
     * Turns accepted proposals into a new construction project whose facilities are {@code planned},
     * with the history naming {@code userName}.
     *
     * @param projectName     the new project's name (unique)
     * @param ranks           the proposals' ranks; empty for all
     * @param responsibleUnit responsible unit (责任单位) of the project, may be null
     */
    public Accepted accept(String id, String projectName, List<Integer> ranks, String responsibleUnit, String userName) {
        SitingJob job = job(id);
        SitingAnswer answer = job.result();
        if (answer == null || answer.proposals().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "siting run " + id + " has no proposals to accept (state " + job.state() + ")");
        }
        if (ranks != null) {
            for (int r : ranks) {
                if (r < 1 || r > answer.proposals().size()) {
                    throw new IllegalArgumentException("rank " + r + " out of range [1, " + answer.proposals().size() + "]");
                }
            }
        }
        List<SitingAnswer.Proposal> chosen = new ArrayList<>();
        for (SitingAnswer.Proposal p : answer.proposals()) {
            if (ranks == null || ranks.isEmpty() || ranks.contains(p.rank())) {
                chosen.add(p);
            }
        }
        FacilityType type = FacilityType.fromCode(answer.type());
        ProjectDraft draft = new ProjectDraft(projectName, type, chosen.size(),
                chosen.stream().map(SitingAnswer.Proposal::district).filter(java.util.Objects::nonNull).distinct().sorted().toList(),
                null, null, responsibleUnit, null, null, null);
        // one transaction: the project, its planned facilities and the acceptances, or nothing
        return transaction.execute(status -> {
            Set<Integer> already = stored.acceptedRanks(id);
            for (SitingAnswer.Proposal p : chosen) {
                if (already.contains(p.rank())) {
                    throw alreadyAccepted(p.rank(), id);
                }
            }
            if (progress.projectByName(draft.name()).isPresent()) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "a project named '" + draft.name() + "' exists already");
            }
            List<FacilityAttributes> planned = new ArrayList<>();
            for (SitingAnswer.Proposal p : chosen) {
                String detail = String.format(Locale.ROOT, "siting proposal %d for project '%s': adds %.0f residents within %.0f m (%s, %s)",
                        p.rank(), draft.name(), p.populationAdded(), answer.radiusMeters(), answer.model(), answer.metric());
                planned.add(new FacilityAttributes(type, FacilityStatus.PLANNED, draft.name() + " #" + p.rank(), null, p.district(),
                        null, null, null, null, null, p.lonWgs84(), p.latWgs84(),
                        new FacilitySource(FacilitySource.SITING, "siting:" + id + ":" + p.rank(), detail)));
            }
            Project project = progress.createProjectWithPlannedFacilities(draft, planned, userName);
            Instant now = clock.instant();
            for (SitingAnswer.Proposal p : chosen) {
                try {
                    stored.insertAcceptance(id, p.rank(), project.id(), userName, now);
                } catch (DuplicateKeyException e) {
                    throw alreadyAccepted(p.rank(), id); // accepted meanwhile by someone else: this project is rolled back
                }
            }
            return new Accepted(project.id(), project.draft().name(), progress.facilityIds(project.id()));
        });
    }

    private static ResponseStatusException alreadyAccepted(int rank, String id) {
        return new ResponseStatusException(HttpStatus.CONFLICT, "proposal " + rank + " of siting run " + id + " was accepted already");
    }

    private SitingRunRepository.StoredRun storedRun(String id) {
        return stored.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no siting run " + id));
    }

    private SitingJob storedJob(SitingRunRepository.StoredRun r) {
        try {
            SitingAnswer answer = r.answerJson() == null ? null : json.readValue(r.answerJson(), SitingAnswer.class);
            return new SitingJob(r.id(), r.state(), r.state().equals("queued") ? "queued" : "done", r.submittedAt(), r.submittedBy(),
                    r.elapsedMillis(), r.timeLimitSeconds(), answer == null ? null : answer.objective(),
                    answer == null ? null : answer.bound(), r.error(), json.readTree(r.requestJson()), answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored siting run " + r.id() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private void prune() {
        if (runs.size() < KEPT_RUNS) {
            return;
        }
        runs.values().stream().filter(r -> r.recorded).sorted((a, b) -> a.submittedAt.compareTo(b.submittedAt))
                .limit(runs.size() - KEPT_RUNS + 1L).forEach(r -> runs.remove(r.id));
    }

    private void execute(Run run, String layer, List<Geometry> exclusions, LayerPoints layerPoints) {
        boolean cancelledWhileQueued;
        synchronized (run) {
            cancelledWhileQueued = run.cancelRequested;
            if (cancelledWhileQueued) {
                run.state = "cancelled";
            } else {
                run.state = "running";
                run.startedNanos = System.nanoTime();
            }
        }
        if (cancelledWhileQueued) {
            ended(run);
            return;
        }
        try {
            SitingAnswer answer = solve(run, layer, exclusions, layerPoints);
            synchronized (run) {
                run.answer = answer;
                run.state = run.cancelRequested ? "cancelled" : "done";
                run.phase = "done";
            }
        } catch (RuntimeException e) {
            synchronized (run) {
                run.state = "failed";
                run.error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
        } finally {
            run.endedNanos = System.nanoTime();
            ended(run);
        }
    }

    /** Stores how the run ended, then wakes whoever waits for it (so that they find it stored). */
    private void ended(Run run) {
        try {
            SitingJob job = run.snapshot(clock.instant());
            SitingAnswer a = job.result();
            stored.finish(run.id, new SitingRunRepository.Ending(job.state(), job.elapsedMillis(), job.error(),
                    a == null ? null : a.status(), a == null ? null : a.objective(), a == null ? null : a.bound(),
                    a == null ? 0 : a.proposals().size(), a == null ? null : json.writeValueAsString(a)));
        } catch (JsonProcessingException | RuntimeException e) {
            // the run stays readable in memory until pruned; a restart will mark it failed
            LOG.error("siting run {} could not be stored", run.id, e);
        }
        try {
            stored.deleteBeyondLatest(keptRuns).forEach(runs::remove);
        } catch (RuntimeException e) {
            LOG.warn("old siting runs could not be deleted; they stay stored", e);
        }
        synchronized (run) {
            run.recorded = true;
            run.notifyAll();
        }
    }

    /**
     * Why no candidate site is left while some demand is uncovered: all outside the district or inside the
     * exclusions, or none near the gaps.
     */
    private static String noCandidateReason(String source, int generated, int outsideDistrict, String district,
            int uncoveredCells, double radiusMeters) {
        if (generated > 0) {
            return outsideDistrict == generated ? "all " + generated + " candidate sites lie outside district '" + district + "'"
                    : "all " + generated + " candidate sites lie inside the exclusion polygons"
                            + (outsideDistrict > 0 ? " or outside district '" + district + "'" : "");
        }
        String what = source.equals("grid") ? "no point of the candidate grid" : "no walking-network node";
        return what + " lies within " + radiusMeters + " m of the " + uncoveredCells
                + " uncovered demand cells: widen the radius" + (source.equals("grid") ? " or make the grid finer" : "");
    }

    private SitingAnswer solve(Run run, String layer, List<Geometry> exclusions, LayerPoints layerPoints) {
        SitingRequest q = run.request;
        double radius = run.radiusMeters;
        long t0 = System.nanoTime();
        run.phase = "loading";
        DistrictAssigner districts = demand.assigner(q.districtLayer());
        String district = q.district();
        List<DemandCell> cells = demand.cells(layer, null).stream()
                .filter(c -> district == null || district.equals(districts.districtOf(c.lonWgs84(), c.latWgs84()))).toList();
        if (cells.isEmpty()) {
            throw new IllegalArgumentException(district == null ? "the demand layer has no cells"
                    : "no demand cell of the layer lies in district '" + district + "'");
        }
        int n = cells.size();
        double[] dLon = new double[n];
        double[] dLat = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            dLon[i] = cells.get(i).lonWgs84();
            dLat[i] = cells.get(i).latWgs84();
            weight[i] = cells.get(i).population();
        }
        Set<FacilityType> types = EnumSet.of(q.type());
        if (q.mobileAsToilets() && q.type() == FacilityType.PUBLIC_TOILET) {
            types.add(FacilityType.MOBILE_TOILET);
        }
        Set<FacilityStatus> statuses = EnumSet.of(FacilityStatus.IN_SERVICE);
        statuses.addAll(q.include());
        List<Facility> existing = facilities.all(types, statuses);
        double[] eLon = existing.stream().mapToDouble(f -> f.attributes().lonWgs84()).toArray();
        double[] eLat = existing.stream().mapToDouble(f -> f.attributes().latWgs84()).toArray();
        WalkingCoverageAnalyzer walking = q.metric().equals("walking") ? network.walkingCoverage() : null;
        run.phase = "candidates";
        // with zones, each cell is served within its zone's radius, and candidates are sought as far as the widest
        double[] radii = null;
        double reach = radius;
        if (!run.zones.isEmpty()) {
            radii = run.zones.radiiMeters(dLon, dLat, radius);
            reach = run.zones.maxRadiusMeters(radius);
        }
        CoverageSets existingSets = coverage(walking, dLon, dLat, eLon, eLat, radius, radii);
        int[] gaps = SitingProblem.gaps(weight, existingSets);
        double[] gLon = Arrays.stream(gaps).mapToDouble(i -> dLon[i]).toArray();
        double[] gLat = Arrays.stream(gaps).mapToDouble(i -> dLat[i]).toArray();
        double[][] sites;
        List<String> siteIds = new ArrayList<>();
        String source = q.candidates().source();
        if (source.equals("grid")) {
            sites = CandidateGenerator.gridOverGaps(gLon, gLat, q.candidates().spacingMeters(), reach);
        } else if (source.equals("network")) {
            WalkingGraph graph = network.graph().orElseThrow(() -> new IllegalArgumentException("no walking network"));
            double[] lon = new double[graph.nodeCount()];
            double[] lat = new double[graph.nodeCount()];
            for (int k = 0; k < lon.length; k++) {
                lon[k] = graph.nodeLon(k);
                lat[k] = graph.nodeLat(k);
            }
            sites = CandidateGenerator.pointsNearGaps(lon, lat, gLon, gLat, reach);
        } else {
            sites = new double[][] {layerPoints.lon, layerPoints.lat};
            siteIds.addAll(layerPoints.ids);
        }
        boolean[] keep = CandidateGenerator.outside(sites[0], sites[1], exclusions);
        // the spacing holds from the facilities kept as well
        boolean[] spaced = q.minSpacingMeters() == null ? null
                : SitingSpacing.farFromExisting(sites[0], sites[1], eLon, eLat, q.minSpacingMeters());
        List<Integer> kept = new ArrayList<>();
        int outsideDistrict = 0;
        int nearExisting = 0;
        for (int k = 0; k < keep.length; k++) {
            if (keep[k] && district != null && !district.equals(districts.districtOf(sites[0][k], sites[1][k]))) {
                keep[k] = false;
                outsideDistrict++;
            }
            if (keep[k] && spaced != null && !spaced[k]) {
                keep[k] = false;
                nearExisting++;
            }
            if (keep[k]) {
                kept.add(k);
            }
        }
        double[] cLon = kept.stream().mapToDouble(k -> sites[0][k]).toArray();
        double[] cLat = kept.stream().mapToDouble(k -> sites[1][k]).toArray();
        List<String> cIds = new ArrayList<>();
        for (int k : kept) {
            cIds.add(siteIds.isEmpty() ? String.format(Locale.ROOT, "%s-%.6f,%.6f", source, sites[0][k], sites[1][k]) : siteIds.get(k));
        }
        run.phase = "coverage sets";
        CoverageSets sets = coverage(walking, dLon, dLat, cLon, cLat, radius, radii);
        SitingProblem problem = SitingProblem.withExisting(weight, sets, existingSets);
        long built = System.nanoTime();
        if (cLon.length == 0 && gaps.length > 0) {
            throw new IllegalArgumentException(nearExisting > 0 && outsideDistrict == 0
                    ? "every candidate site left lies closer than the minimum spacing of " + q.minSpacingMeters()
                            + " m to an existing facility (" + nearExisting + " of " + sites[0].length + ")"
                    : noCandidateReason(source, sites[0].length, outsideDistrict, district, gaps.length, reach));
        }
        if (gaps.length == 0 && q.model() == SitingModel.MCLP) {
            throw new IllegalArgumentException("the existing facilities already cover every resident at " + radius
                    + " m" + (radii == null ? "" : " and the zones' radii") + ": there is nothing to site");
        }
        // LSCP with every resident covered already: the engine's answer is no new site
        SitingOptions options = new SitingOptions(q.model(), q.p() == null ? 0 : q.p(), q.targetCoverage(), q.timeLimitSeconds(),
                Math.max(1, Runtime.getRuntime().availableProcessors()), q.exact(), 2000, 1);
        SitingResult r = run.optimizer.run(problem, options, quotas(q, districts, cLon, cLat),
                q.minSpacingMeters() == null ? null : SitingSpacing.of(cLon, cLat, q.minSpacingMeters()));
        List<SitingAnswer.Proposal> proposals = new ArrayList<>();
        for (SitingProposal s : r.proposals()) {
            String in = districts.districtOf(cLon[s.candidate()], cLat[s.candidate()]);
            proposals.add(new SitingAnswer.Proposal(s.rank(), cIds.get(s.candidate()), cLon[s.candidate()], cLat[s.candidate()],
                    s.gainWeight(), DistrictAssigner.WHOLE_AREA.equals(in) ? null : in));
        }
        Map<String, Long> timings = new LinkedHashMap<>();
        long buildMillis = (built - t0) / 1_000_000;
        timings.put("build", buildMillis + r.timings().reduceMillis() + r.timings().buildMillis());
        timings.put("solve", r.timings().heuristicMillis() + r.timings().solveMillis());
        timings.put("loadAndCoverageSets", buildMillis);
        timings.put("reduce", r.timings().reduceMillis());
        timings.put("heuristic", r.timings().heuristicMillis());
        timings.put("modelBuild", r.timings().buildMillis());
        timings.put("exactSearch", r.timings().solveMillis());
        boolean mclp = q.model() == SitingModel.MCLP;
        return new SitingAnswer(q.type().code(), q.model().code(), q.metric(), radius, run.standardCode, district, mclp ? q.p() : null,
                mclp ? null : q.targetCoverage(), r.status().name().toLowerCase(Locale.ROOT), r.reason(), finite(r.objective()),
                finite(r.bound()), finite(r.gap()), finite(r.heuristicObjective()), n, existing.size(), cLon.length, sets.pairCount(),
                r.totalWeight(), r.existingCoveredWeight(), r.status() == SolveStatus.INFEASIBLE ? r.existingCoveredWeight() : r.coveredWeightAfter(),
                r.unreachableWeight(), proposals, timings, q.districtQuotas(), q.minSpacingMeters(), q.zoneLayer(),
                run.zones.isEmpty() ? null : zoneRadii(run.zones));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The request's district quotas over the candidates (each in the quota of the district it lies in), or null. */
    private static SitingQuotas quotas(SitingRequest q, DistrictAssigner districts, double[] cLon, double[] cLat) {
        if (q.districtQuotas() == null) {
            return null;
        }
        List<String> names = new ArrayList<>(q.districtQuotas().keySet());
        int[] group = new int[cLon.length];
        for (int k = 0; k < group.length; k++) {
            group[k] = names.indexOf(districts.districtOf(cLon[k], cLat[k]));
        }
        return new SitingQuotas(group, names.stream().mapToInt(q.districtQuotas()::get).toArray(), names);
    }

    /** Each zone's radius (the smallest where a name repeats). */
    private static Map<String, Double> zoneRadii(RadiusZones zones) {
        Map<String, Double> out = new LinkedHashMap<>();
        zones.zones().forEach(z -> out.merge(z.name(), z.radiusMeters(), Math::min));
        return out;
    }

    /** Coverage at one radius, or with {@code radii} (non-null) at each cell's own. */
    private static CoverageSets coverage(WalkingCoverageAnalyzer walking, double[] dLon, double[] dLat, double[] sLon, double[] sLat,
            double radius, double[] radii) {
        return radii == null ? coverage(walking, dLon, dLat, sLon, sLat, radius)
                : CoverageSetBuilder.perDemandRadius(dLon, dLat, radii, sLon.length,
                        (lon, lat, r) -> coverage(walking, lon, lat, sLon, sLat, r));
    }

    private static CoverageSets coverage(WalkingCoverageAnalyzer walking, double[] dLon, double[] dLat, double[] sLon, double[] sLat,
            double radius) {
        return walking == null
                ? CoverageSetBuilder.greatCircle(dLon, dLat, sLon, sLat, radius, GreatCircle.MEAN_EARTH_RADIUS_METERS)
                : CoverageSetBuilder.walking(walking, dLon, dLat, sLon, sLat, radius);
    }

    private record LayerPoints(List<String> ids, double[] lon, double[] lat) {
    }

    private static LayerPoints layerPoints(JsonNode collection) {
        if (!collection.path("type").asText().equals("FeatureCollection")) {
            throw new IllegalArgumentException("candidates.points must be a GeoJSON FeatureCollection of points");
        }
        List<String> ids = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        GeoJsonReader reader = new GeoJsonReader();
        int k = 0;
        for (JsonNode feature : collection.path("features")) {
            k++;
            Geometry g;
            try {
                g = reader.read(feature.path("geometry").toString());
            } catch (ParseException | RuntimeException e) {
                throw new IllegalArgumentException("candidate feature " + k + " has no readable geometry");
            }
            if (!(g instanceof Point point) || point.isEmpty()) {
                throw new IllegalArgumentException("candidate feature " + k + " is a " + g.getGeometryType() + ", not a point");
            }
            double lon = point.getX();
            double lat = point.getY();
            if (lon < -180 || lon > 180) {
                throw new IllegalArgumentException("longitude " + lon + " out of range [-180, 180] at candidate feature " + k);
            }
            if (lat < -90 || lat > 90) {
                throw new IllegalArgumentException("latitude " + lat + " out of range [-90, 90] at candidate feature " + k);
            }
            String id = feature.hasNonNull("id") ? feature.get("id").asText()
                    : feature.path("properties").hasNonNull("id") ? feature.path("properties").get("id").asText() : "layer-" + k;
            ids.add(id);
            points.add(new double[] {lon, lat});
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("candidates.points has no features");
        }
        return new LayerPoints(ids, points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
    }

    private static List<Geometry> polygons(JsonNode geoJson) {
        List<Geometry> out = new ArrayList<>();
        if (geoJson == null || geoJson.isNull()) {
            return out;
        }
        GeoJsonReader reader = new GeoJsonReader();
        List<JsonNode> geometries = new ArrayList<>();
        switch (geoJson.path("type").asText()) {
            case "FeatureCollection" -> geoJson.path("features").forEach(f -> geometries.add(f.path("geometry")));
            case "Feature" -> geometries.add(geoJson.path("geometry"));
            default -> geometries.add(geoJson);
        }
        int k = 0;
        for (JsonNode node : geometries) {
            k++;
            Geometry g;
            try {
                g = reader.read(node.toString());
            } catch (ParseException | RuntimeException e) {
                throw new IllegalArgumentException("exclusion " + k + " is not a readable GeoJSON geometry");
            }
            if (g.getDimension() != 2) {
                throw new IllegalArgumentException("exclusion " + k + " is a " + g.getGeometryType() + "; exclusions must be polygons");
            }
            out.add(g);
        }
        return out;
    }

    /** A run and its live state. */
    private static final class Run {
        final String id;
        final SitingRequest request;
        final JsonNode body;
        final String submittedBy;
        final double radiusMeters;
        final String standardCode;
        /** Radii by zone ({@link RadiusZones#NONE}: {@code radiusMeters} everywhere). */
        final RadiusZones zones;
        final Instant submittedAt;
        final SitingOptimizer optimizer;
        volatile String state = "queued";
        volatile String phase = "queued";
        volatile Double objective;
        volatile Double bound;
        volatile String error;
        volatile SitingAnswer answer;
        volatile boolean cancelRequested;
        volatile long startedNanos;
        volatile long endedNanos;
        /** Ended and stored (or the storing failed): what waiters wait for. */
        volatile boolean recorded;

        Run(String id, SitingRequest request, JsonNode body, String submittedBy, double radiusMeters, String standardCode,
                RadiusZones zones, Instant submittedAt) {
            this.zones = zones;
            this.id = id;
            this.request = request;
            this.body = body;
            this.submittedBy = submittedBy;
            this.radiusMeters = radiusMeters;
            this.standardCode = standardCode;
            this.submittedAt = submittedAt;
            this.optimizer = new SitingOptimizer((phase, value, best) -> {
                this.phase = phase;
                this.objective = Double.isFinite(value) ? value : null;
                this.bound = Double.isFinite(best) ? best : null;
            });
        }

        SitingJob snapshot(Instant now) {
            long elapsed = startedNanos == 0 ? 0 : ((endedNanos == 0 ? System.nanoTime() : endedNanos) - startedNanos) / 1_000_000;
            SitingAnswer a = answer;
            return new SitingJob(id, state, phase, submittedAt, submittedBy, elapsed, request.timeLimitSeconds(),
                    a != null ? a.objective() : objective, a != null ? a.bound() : bound, error, body, a);
        }
    }
}
