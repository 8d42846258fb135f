package org.sanimap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.engine.coverage.GreatCircle;
import org.sanimap.engine.coverage.LocalPlane;
import org.sanimap.engine.network.WalkingCoverageAnalyzer;
import org.sanimap.engine.siting.CoverageSetBuilder;
import org.sanimap.engine.siting.CoverageSets;
import org.sanimap.engine.siting.CoveringInstance;
import org.sanimap.engine.siting.OrLibraryScpReader;
import org.sanimap.engine.siting.SetCoverInstance;
import org.sanimap.engine.siting.SetCoverSolution;
import org.sanimap.engine.siting.SetCoverSolver;
import org.sanimap.engine.siting.SitingModel;
import org.sanimap.engine.siting.SitingOptimizer;
import org.sanimap.engine.siting.SitingOptions;
import org.sanimap.engine.siting.SitingProblem;
import org.sanimap.engine.siting.SitingProposal;
import org.sanimap.engine.siting.SitingQuotas;
import org.sanimap.engine.siting.SitingSpacing;
import org.sanimap.engine.siting.SitingResult;
import org.sanimap.importing.DistanceTableCsvReader;
import org.sanimap.importing.ImportRejectedException;
import org.sanimap.importing.OsmWalkingNetworkReader;
import org.sanimap.importing.SitingPointCsvReader;
import org.sanimap.importing.SitingPoints;

/**
 * {@code site}: siting from files, with no server and no database.
 *
 * <pre>
 * java -jar target/sanimap.jar site --model lscp|mclp --demand D --candidates C [--existing F]
 *     --radius-meters R [--p N] [--target-coverage SHARE] [--metric euclidean|great-circle|walking]
 *     [--earth-radius-meters M] [--network OSM.pbf] [--distance-matrix T [--matrix-columns DEMAND,CANDIDATE,DISTANCE]]
 *     [--id-column NAME] [--weight-column NAME] [--districts P [--admin-level L] [--district-quotas NAME=N[,NAME=N...]]]
 *     [--zones Z [--zone-property ATTR] --zone-radius CLASS=M[,CLASS=M...]] [--time-limit-seconds S] [--heuristic-only]
 *     [--min-spacing-meters D] [--threads N] --out result.json
 * java -jar target/sanimap.jar site --model mclp --covering-instance NewYork.txt --radius-meters 400 --p 50
 *     --earth-radius-meters 6378100 --out result.json
 * java -jar target/sanimap.jar site --orlib-scp FILE [--time-limit-seconds S] --out result.json
 * </pre>
 *
 * D, C and F are CSV files {@code id,lon,lat[,weight]} (degrees WGS84) or {@code id,x,y[,weight]}
 * (projected, in the radius's unit). Metrics: {@code great-circle} (haversine on a sphere of
 * {@code --earth-radius-meters}, default the mean earth radius; the default for lon/lat files),
 * {@code euclidean} (straight line: on x/y as given, on lon/lat in a local equirectangular plane;
 * the default for x/y files), {@code walking} (along the pedestrian network of {@code --network}),
 * or a precomputed {@code --distance-matrix} (long format; existing facilities are then candidate
 * ids fixed open). The result has {@code objective}, {@code bound}, {@code status}, {@code chosen}
 * (candidate ids, best first), {@code proposals} and {@code timingsMillis} ({@code build}: reading
 * excluded, coverage sets, reductions and model; {@code solve}: heuristic and exact search). With
 * {@code --zones}, a demand unit inside a zone that {@code --zone-radius} names is covered within that
 * zone's radius (lon/lat files and a computed metric only). With {@code --district-quotas} (MCLP, with
 * {@code --districts}), each named district receives at most its number of the p new sites; with
 * {@code --min-spacing-meters} (MCLP, lon/lat), no two new sites are closer than that, nor (with {@code --existing}
 * and a computed metric) a new site to an existing facility: candidates that near one are left out.
 */
public final class SiteCommand {

    static final String USAGE = "usage: java -jar sanimap.jar site --model lscp|mclp --demand D --candidates C [--existing F]"
            + " --radius-meters R [--p N] [--target-coverage SHARE] [--metric euclidean|great-circle|walking]"
            + " [--earth-radius-meters M] [--network OSM.pbf] [--distance-matrix T] [--matrix-columns DEMAND,CANDIDATE,DISTANCE]"
            + " [--id-column NAME] [--weight-column NAME] [--districts P [--admin-level L] [--district-quotas NAME=N[,NAME=N...]]]"
            + " [--zones Z [--zone-property ATTR] --zone-radius CLASS=M[,CLASS=M...]] [--time-limit-seconds S]"
            + " [--min-spacing-meters D] [--heuristic-only] [--threads N] --out result.json\n"
            + "   or: java -jar sanimap.jar site --model lscp|mclp --covering-instance FILE (TSPLIB-like: every node demand and site) ... --out result.json\n"
            + "   or: java -jar sanimap.jar site --orlib-scp FILE [--time-limit-seconds S] --out result.json";

    private SiteCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (CommandLineArguments.asksForHelp(args)) {
            out.println(USAGE);
            return 0;
        }
        try {
            CommandLineArguments a = new CommandLineArguments(args, Set.of("orlib-scp", "model", "demand", "candidates",
                    "existing", "radius-meters", "p", "target-coverage", "metric", "earth-radius-meters", "network",
                    "distance-matrix", "matrix-columns", "id-column", "weight-column", "time-limit-seconds", "threads", "out",
                    "covering-instance", "districts", "admin-level", "zones", "zone-property", "zone-radius",
                    "district-quotas", "min-spacing-meters"),
                    Set.of("heuristic-only"));
            String outPath = a.required("out");
            double limit = a.optional("time-limit-seconds") == null ? 60 : a.number("time-limit-seconds");
            int threads = a.optional("threads") == null ? Runtime.getRuntime().availableProcessors() : (int) a.number("threads");
            Map<String, Object> result = a.optional("orlib-scp") != null ? orLibrary(a, limit, threads) : siting(a, limit, threads);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            if (outPath.equals("-")) {
                out.println(json.writeValueAsString(result));
            } else {
                json.writeValue(Path.of(outPath).toFile(), result);
                out.printf(Locale.ROOT, "%s: %s, objective %s, bound %s, %d sites chosen; result in %s%n", result.get("model"),
                        result.get("status"), result.get("objective"), result.get("bound"), ((List<?>) result.get("chosen")).size(), outPath);
            }
            return 0;
        } catch (ImportRejectedException e) {
            err.println("error: " + String.join("; ", e.errors()));
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static Map<String, Object> orLibrary(CommandLineArguments a, double limit, int threads) throws IOException {
        Path path = CommandLineArguments.existingFile(a.optional("orlib-scp"));
        long t0 = System.nanoTime();
        SetCoverInstance instance;
        try (Reader in = Files.newBufferedReader(path)) {
            instance = OrLibraryScpReader.read(in);
        }
        long readMillis = (System.nanoTime() - t0) / 1_000_000;
        SetCoverSolution s = new SetCoverSolver(limit, threads).solveInstance(instance);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", "weighted set covering");
        result.put("instance", path.getFileName().toString());
        result.put("rows", instance.rowCount());
        result.put("columns", instance.columnCount());
        result.put("status", s.status().name().toLowerCase(Locale.ROOT));
        result.put("objective", Double.isNaN(s.objective()) ? null : s.objective());
        result.put("bound", s.bound());
        result.put("chosen", Arrays.stream(s.chosen()).map(j -> j + 1).boxed().toList());
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("read", readMillis);
        timings.put("build", s.buildMillis());
        timings.put("solve", s.solveMillis());
        result.put("timingsMillis", timings);
        return result;
    }

    private static Map<String, Object> siting(CommandLineArguments a, double limit, int threads) throws IOException {
        SitingModel model = SitingModel.fromCode(a.required("model"));
        double radius = a.number("radius-meters");
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("--radius-meters " + radius + " must be a finite number >= 0");
        }
        int p = 0;
        if (model == SitingModel.MCLP) {
            double pv = a.number("p");
            if (pv != Math.rint(pv) || pv < 1) {
                throw new IllegalArgumentException("--p " + a.optional("p") + " must be a whole number >= 1");
            }
            p = (int) pv;
        }
        double target = a.optional("target-coverage") == null ? 1 : a.number("target-coverage");
        long t0 = System.nanoTime();
        SitingPoints demand;
        SitingPoints candidates;
        SitingPoints existingFacilities = null;
        if (a.optional("covering-instance") != null) {
            // a TSPLIB-like covering benchmark: every node is a demand point and a candidate site
            demand = coveringInstance(CommandLineArguments.existingFile(a.optional("covering-instance")));
            candidates = demand;
        } else {
            SitingPointCsvReader reader = new SitingPointCsvReader(a.optional("id-column"), a.optional("weight-column"));
            demand = reader.read(CommandLineArguments.existingFile(a.required("demand")));
            // sites carry no weight: only the demand file is asked for the weight column
            SitingPointCsvReader siteReader = new SitingPointCsvReader(a.optional("id-column"), null);
            candidates = siteReader.read(CommandLineArguments.existingFile(a.required("candidates")));
            existingFacilities = a.optional("existing") == null ? null : siteReader.read(CommandLineArguments.existingFile(a.optional("existing")));
        }
        if (demand.planar() != candidates.planar()) {
            throw new IllegalArgumentException("the demand and candidate files must both give lon, lat or both x, y");
        }
        String metric = a.optional("distance-matrix") != null ? "matrix"
                : a.optional("metric") != null ? a.optional("metric") : demand.planar() ? "euclidean" : "great-circle";
        double earthRadius = a.optional("earth-radius-meters") == null ? GreatCircle.MEAN_EARTH_RADIUS_METERS : a.number("earth-radius-meters");
        int nearExisting = 0;
        if (a.optional("min-spacing-meters") != null && existingFacilities != null && !candidates.planar() && !metric.equals("matrix")) {
            // the spacing holds from the existing facilities too: candidates closer to one go
            boolean[] far = SitingSpacing.farFromExisting(candidates.first(), candidates.second(), existingFacilities.first(),
                    existingFacilities.second(), a.number("min-spacing-meters"));
            List<String> ids = new ArrayList<>();
            List<Integer> kept = new ArrayList<>();
            for (int j = 0; j < far.length; j++) {
                if (far[j]) {
                    ids.add(candidates.ids().get(j));
                    kept.add(j);
                }
            }
            nearExisting = far.length - kept.size();
            double[] first = candidates.first();
            double[] second = candidates.second();
            double[] weights = candidates.weights();
            candidates = new SitingPoints(ids, kept.stream().mapToDouble(j -> first[j]).toArray(),
                    kept.stream().mapToDouble(j -> second[j]).toArray(), kept.stream().mapToDouble(j -> weights[j]).toArray(), false);
        }
        WalkingCoverageAnalyzer network = null;
        if (metric.equals("walking")) {
            if (a.optional("network") == null) {
                throw new IllegalArgumentException("--metric walking needs --network OSM.pbf (or .osm)");
            }
            Path file = CommandLineArguments.existingFile(a.optional("network"));
            OsmWalkingNetworkReader osm = new OsmWalkingNetworkReader();
            network = new WalkingCoverageAnalyzer(file.toString().endsWith(".pbf") ? osm.readPbf(file) : osm.readXml(file));
        }
        DistanceTableCsvReader.DistanceTable table = null;
        boolean[] existingCandidate = null;
        if (metric.equals("matrix")) {
            String[] cols = a.optional("matrix-columns") == null ? new String[3] : a.optional("matrix-columns").split(",");
            if (cols.length != 3) {
                throw new IllegalArgumentException("--matrix-columns needs three headers: DEMAND,CANDIDATE,DISTANCE");
            }
            table = new DistanceTableCsvReader(cols[0], cols[1], cols[2]).read(CommandLineArguments.existingFile(a.optional("distance-matrix")),
                    index(demand), index(candidates));
            if (existingFacilities != null) {
                Map<String, Integer> candidateIndex = index(candidates);
                existingCandidate = new boolean[candidates.size()];
                for (String id : existingFacilities.ids()) {
                    Integer j = candidateIndex.get(id);
                    if (j == null) {
                        throw new IllegalArgumentException("existing facility '" + id + "' is not a candidate id; with --distance-matrix"
                                + " existing facilities are candidates fixed open");
                    }
                    existingCandidate[j] = true;
                }
            }
        } else if (!Set.of("euclidean", "great-circle", "walking").contains(metric)) {
            throw new IllegalArgumentException("--metric '" + metric + "' is not one of euclidean, great-circle, walking");
        }
        if (demand.planar() && !metric.equals("euclidean") && !metric.equals("matrix")) {
            throw new IllegalArgumentException("--metric " + metric + " needs lon, lat coordinates; the files give x, y");
        }
        ZoneFiles.ZoneFile zones = ZoneFiles.read(a);
        double[] radii = null;
        if (zones != null) {
            if (demand.planar() || metric.equals("matrix")) {
                throw new IllegalArgumentException("--zones needs lon, lat files and a computed metric, not planar x, y or "
                        + "--distance-matrix");
            }
            radii = zones.zones().radiiMeters(demand.first(), demand.second(), radius);
        }
        long read = System.nanoTime();
        CoverageSets sets = coverage(metric, demand, candidates, radius, radii, earthRadius, network, table, demand, candidates);
        SitingProblem problem;
        if (existingCandidate != null) {
            boolean[] covered = new boolean[demand.size()];
            for (int i = 0; i < covered.length; i++) {
                for (int j : sets.candidatesOf(i)) {
                    covered[i] |= existingCandidate[j];
                }
            }
            problem = new SitingProblem(demand.weights(), sets, covered);
        } else if (existingFacilities != null) {
            CoverageSets existingSets = coverage(metric, demand, existingFacilities, radius, radii, earthRadius, network, null, demand,
                    candidates);
            problem = SitingProblem.withExisting(demand.weights(), sets, existingSets);
        } else {
            problem = SitingProblem.withoutExisting(demand.weights(), sets);
        }
        long built = System.nanoTime();
        SitingOptions options = new SitingOptions(model, p, target, limit, threads, !a.flag("heuristic-only"), 2000, 1);
        DistrictAssigner districts = null;
        List<String> districtNames = List.of();
        if (a.optional("districts") != null) {
            if (candidates.planar()) {
                throw new IllegalArgumentException("--districts needs lon/lat candidates; these are planar x/y");
            }
            List<DistrictAssigner.NamedArea> areas = DistrictFiles.read(CommandLineArguments.existingFile(a.optional("districts")), a.optional("admin-level"));
            districts = new DistrictAssigner(areas);
            districtNames = areas.stream().map(DistrictAssigner.NamedArea::name).toList();
        }
        SitingQuotas quotas = quotas(a, model, districts, districtNames, candidates);
        SitingSpacing spacing = null;
        if (a.optional("min-spacing-meters") != null) {
            if (model != SitingModel.MCLP || candidates.planar()) {
                throw new IllegalArgumentException("--min-spacing-meters needs --model mclp and lon/lat candidates");
            }
            spacing = SitingSpacing.of(candidates.first(), candidates.second(), a.number("min-spacing-meters"));
        }
        SitingResult r = new SitingOptimizer(null).run(problem, options, quotas, spacing);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", model.code());
        result.put("metric", metric);
        result.put("radiusMeters", radius);
        if (spacing != null) {
            result.put("minSpacingMeters", spacing.minSpacingMeters());
            result.put("candidatesNearExisting", nearExisting);
        }
        if (quotas != null) {
            Map<String, Integer> echo = new LinkedHashMap<>();
            for (int g = 0; g < quotas.maxNewSites().length; g++) {
                echo.put(quotas.groupNames().get(g), quotas.maxNewSites()[g]);
            }
            result.put("districtQuotas", echo);
        }
        if (zones != null) {
            Map<String, Double> zoneRadii = new LinkedHashMap<>();
            zones.zones().zones().forEach(z -> zoneRadii.put(z.name(), z.radiusMeters()));
            result.put("zoneRadiiMeters", zoneRadii);
            result.put("zonesWithoutRadius", zones.withoutRadius());
        }
        if (model == SitingModel.MCLP) {
            result.put("p", p);
        } else {
            result.put("targetCoverage", target);
        }
        result.put("status", r.status().name().toLowerCase(Locale.ROOT));
        if (r.reason() != null) {
            result.put("reason", r.reason());
        }
        result.put("objective", Double.isNaN(r.objective()) ? null : r.objective());
        result.put("bound", Double.isNaN(r.bound()) ? null : r.bound());
        result.put("gap", Double.isNaN(r.gap()) ? null : r.gap());
        result.put("heuristicObjective", Double.isNaN(r.heuristicObjective()) ? null : r.heuristicObjective());
        List<String> candidateIds = candidates.ids();
        result.put("chosen", r.proposals().stream().map(s -> candidateIds.get(s.candidate())).toList());
        List<Map<String, Object>> proposals = new ArrayList<>();
        double[] first = candidates.first();
        double[] second = candidates.second();
        for (SitingProposal s : r.proposals()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", candidates.ids().get(s.candidate()));
            row.put(candidates.planar() ? "x" : "lon", first[s.candidate()]);
            row.put(candidates.planar() ? "y" : "lat", second[s.candidate()]);
            row.put("rank", s.rank());
            row.put("gainWeight", s.gainWeight());
            if (districts != null) {
                row.put("district", districts.districtOf(first[s.candidate()], second[s.candidate()]));
            }
            proposals.add(row);
        }
        result.put("proposals", proposals);
        result.put("demandUnits", demand.size());
        result.put("candidateSites", candidates.size());
        result.put("coveragePairs", sets.pairCount());
        result.put("totalWeight", r.totalWeight());
        result.put("existingCoveredWeight", r.existingCoveredWeight());
        result.put("coveredWeightAfter", r.coveredWeightAfter());
        result.put("unreachableWeight", r.unreachableWeight());
        boolean[] coveredUnit = problem.coveredByExisting();
        for (SitingProposal s : r.proposals()) {
            for (int i : sets.demandsOf(s.candidate())) {
                coveredUnit[i] = true;
            }
        }
        int coveredUnits = 0;
        double[] weights = demand.weights();
        for (int i = 0; i < coveredUnit.length; i++) {
            if (coveredUnit[i] && weights[i] > 0) {
                coveredUnits++;
            }
        }
        result.put("coveredDemandUnits", coveredUnits);
        Map<String, Long> timings = new LinkedHashMap<>();
        long coverageMillis = (built - read) / 1_000_000;
        timings.put("read", (read - t0) / 1_000_000);
        timings.put("build", coverageMillis + r.timings().reduceMillis() + r.timings().buildMillis());
        timings.put("solve", r.timings().heuristicMillis() + r.timings().solveMillis());
        timings.put("coverageSets", coverageMillis);
        timings.put("reduce", r.timings().reduceMillis());
        timings.put("heuristic", r.timings().heuristicMillis());
        timings.put("modelBuild", r.timings().buildMillis());
        timings.put("exactSearch", r.timings().solveMillis());
        result.put("timingsMillis", timings);
        return result;
    }

    /** {@code --district-quotas 西区=20,东区=15} over the candidates (each in the quota of its district), or null. */
    private static SitingQuotas quotas(CommandLineArguments a, SitingModel model, DistrictAssigner districts,
            List<String> districtNames, SitingPoints candidates) {
        Map<String, String> given = a.pairs("district-quotas", "西区=20");
        if (given == null) {
            return null;
        }
        if (model != SitingModel.MCLP) {
            throw new IllegalArgumentException("--district-quotas apply to --model mclp only");
        }
        if (districts == null) {
            throw new IllegalArgumentException("--district-quotas needs --districts P");
        }
        List<String> names = new ArrayList<>(given.keySet());
        int[] caps = new int[names.size()];
        for (int g = 0; g < caps.length; g++) {
            String name = names.get(g);
            if (!districtNames.contains(name)) {
                throw new IllegalArgumentException("--district-quotas names '" + name + "', which is not a district of --districts; "
                        + "they are " + districtNames.stream().sorted().limit(30).toList());
            }
            String v = given.get(name);
            try {
                caps[g] = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--district-quotas " + name + ": '" + v + "' is not a whole number");
            }
            if (caps[g] < 0) {
                throw new IllegalArgumentException("--district-quotas " + name + ": " + caps[g] + " must be >= 0");
            }
        }
        int[] group = new int[candidates.size()];
        for (int j = 0; j < group.length; j++) {
            group[j] = names.indexOf(districts.districtOf(candidates.first()[j], candidates.second()[j]));
        }
        return new SitingQuotas(group, caps, names);
    }

    /** Coverage at {@code radius}, or with {@code radii} (non-null: by zone) at each demand unit's own radius. */
    private static CoverageSets coverage(String metric, SitingPoints demand, SitingPoints sites, double radius, double[] radii,
            double earthRadius, WalkingCoverageAnalyzer network, DistanceTableCsvReader.DistanceTable table, SitingPoints allDemand,
            SitingPoints allCandidates) {
        if (metric.equals("matrix")) {
            return CoverageSetBuilder.fromDistances(demand.size(), sites.size(), table.demand(), table.candidate(),
                    table.distance(), radius);
        }
        double[] sx = sites.first();
        double[] sy = sites.second();
        LocalPlane plane = demand.planar() ? null : centredPlane(allDemand, allCandidates);
        CoverageSetBuilder.AtRadius build = (dx, dy, r) -> switch (metric) {
            case "walking" -> CoverageSetBuilder.walking(network, dx, dy, sx, sy, r);
            case "great-circle" -> CoverageSetBuilder.greatCircle(dx, dy, sx, sy, r, earthRadius);
            default -> plane == null ? CoverageSetBuilder.planar(dx, dy, sx, sy, r)
                    : CoverageSetBuilder.planar(Arrays.stream(dx).map(plane::x).toArray(), Arrays.stream(dy).map(plane::y).toArray(),
                            Arrays.stream(sx).map(plane::x).toArray(), Arrays.stream(sy).map(plane::y).toArray(), r);
        };
        return radii == null ? build.build(demand.first(), demand.second(), radius)
                : CoverageSetBuilder.perDemandRadius(demand.first(), demand.second(), radii, sites.size(), build);
    }

    private static LocalPlane centredPlane(SitingPoints demand, SitingPoints candidates) {
        double lon = (Arrays.stream(demand.first()).average().orElse(0) + Arrays.stream(candidates.first()).average().orElse(0)) / 2;
        double lat = (Arrays.stream(demand.second()).average().orElse(0) + Arrays.stream(candidates.second()).average().orElse(0)) / 2;
        return new LocalPlane(lon, lat);
    }

    /** Nodes of a {@link CoveringInstance} as points with 0-based ids, as in the instance's answer files. */
    private static SitingPoints coveringInstance(Path file) throws IOException {
        CoveringInstance instance;
        try (java.io.BufferedReader in = Files.newBufferedReader(file)) {
            instance = CoveringInstance.read(in);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < instance.size(); i++) {
            ids.add(Integer.toString(i));
        }
        return new SitingPoints(ids, instance.x(), instance.y(), instance.demand(), instance.planar());
    }

    private static Map<String, Integer> index(SitingPoints points) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            index.put(points.ids().get(i), i);
        }
        return index;
    }

}
