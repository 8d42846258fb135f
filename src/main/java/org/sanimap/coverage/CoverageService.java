package org.sanimap.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sanimap.demand.DemandCell;
import org.sanimap.demand.DemandService;
import org.sanimap.engine.coverage.AreaWeightedCoverage;
import org.sanimap.engine.coverage.CatchmentCounter;
import org.sanimap.engine.coverage.GreatCircle;
import org.sanimap.engine.siting.CoverageSetBuilder;
import org.sanimap.engine.siting.CoverageSets;
import org.sanimap.engine.coverage.CoverageAnalyzer;
import org.sanimap.engine.coverage.CoverageModel;
import org.sanimap.engine.coverage.CoverageStudy;
import org.sanimap.engine.coverage.DemandPoint;
import org.locationtech.jts.geom.Geometry;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.engine.coverage.GapAreaBuilder;
import org.sanimap.engine.coverage.LocalPlane;
import org.sanimap.engine.coverage.FacilityPoint;
import org.sanimap.engine.coverage.RadiusZones;
import org.sanimap.engine.coverage.ZonedCoverage;
import org.sanimap.facility.Facility;
import org.sanimap.facility.FacilityService;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.network.NetworkService;
import org.sanimap.progress.FacilityState;
import org.sanimap.progress.ProgressService;
import org.sanimap.standards.RadiusZoning;
import org.sanimap.standards.StandardsService;
import org.sanimap.standards.StoredRule;
import org.springframework.stereotype.Service;

/**
 * Runs coverage studies on the registry (today's, or as it stood on a past day, rebuilt from the facilities'
 * timelines), a stored demand layer and the stored districts.
 */
@Service
public class CoverageService {

    private static final int MAX_GAPS = 20;

    private final FacilityService facilities;
    private final DemandService demand;
    private final NetworkService network;
    private final StandardsService standards;
    private final ProgressService progress;

    CoverageService(FacilityService facilities, DemandService demand, NetworkService network, StandardsService standards,
            ProgressService progress) {
        this.progress = progress;
        this.facilities = facilities;
        this.demand = demand;
        this.network = network;
        this.standards = standards;
    }

    /** The type's active density and spacing rules, checked against the study's figures. */
    private List<CoverageReport.RuleCheck> ruleChecks(FacilityType type, CoverageStudy.Result study) {
        List<CoverageReport.RuleCheck> checks = new ArrayList<>();
        for (StoredRule stored : standards.list(type, null, true)) {
            var rule = stored.rule();
            switch (rule.kind()) {
                case DENSITY_KM2 -> {
                    int outside = (int) study.density().stream().filter(d -> (rule.minValue() != null && d.perKm2() < rule.minValue())
                            || (rule.maxValue() != null && d.perKm2() > rule.maxValue())).count();
                    checks.add(new CoverageReport.RuleCheck(rule.code(), rule.source(), rule.kind().code(), rule.minValue(),
                            rule.maxValue(), outside, study.density().size()));
                }
                case SPACING -> checks.add(new CoverageReport.RuleCheck(rule.code(), rule.source(), rule.kind().code(),
                        rule.minValue(), rule.maxValue(), study.spacing().facilities() < 2 ? 0
                                : study.spacing().outside(rule.minValue(), rule.maxValue()), study.spacing().facilities()));
                default -> {
                    // radius rules set the radius; population rules need a catchment model (not yet)
                }
            }
        }
        return checks;
    }

    /**
     * One report per facility type that has an active radius rule, each at that rule's radius: the
     * "per type" view of a campaign report.
     */
    public List<CoverageReport> byType(String metric, Set<FacilityStatus> statuses, boolean mobileAsToilets, String layer,
            String weighting, LocalDate asOf, String districtLayer, String zoneLayer) {
        List<DistrictAssigner.NamedArea> zoneAreas = zoneLayer == null || zoneLayer.isBlank() ? List.of()
                : demand.namedAreas(zoneLayer.trim());
        List<CoverageReport> reports = new ArrayList<>();
        for (FacilityType type : FacilityType.values()) {
            if (standards.activeRadius(type).isPresent()) {
                // a type whose rules no zone is named after is reported at one radius
                boolean zoned = !zoneAreas.isEmpty() && !standards.radiusZones(type, zoneAreas).zones().isEmpty();
                reports.add(analyzeWithActiveStandard(new CoverageRequest(type, 1, metric, statuses, mobileAsToilets, layer,
                        weighting, asOf, districtLayer, zoned ? zoneLayer : null)).report());
            }
        }
        return reports;
    }

    /** Today, in the server's time zone (the day replays of the past end on). */
    public LocalDate today() {
        return progress.today();
    }

    /**
     * Coverage on every day from {@code from} to {@code to} by {@code step} (see {@link CoverageTrend#days}): the
     * request's type, radius (null: the active standard's), metric and statuses, with the facilities as they stood
     * at the end of each day.
     */
    public CoverageTrend trend(CoverageRequest request, boolean radiusFromStandard, LocalDate from, LocalDate to,
            String step) {
        List<LocalDate> days = CoverageTrend.days(from, to, step);
        // the demand, the zones, the registry and the timelines are read once for all the days
        DemandInputs inputs = demandOf(request);
        CoverageRequest atRadius = radiusFromStandard
                ? request.withRadiusMeters(defaultRule(request, inputs.zoning()).rule().maxValue()) : request;
        java.util.Map<LocalDate, List<FacilityState>> states = statesOn(days);
        List<CoverageTrend.Point> points = new ArrayList<>();
        CoverageReport last = null;
        for (LocalDate day : days) {
            last = analyze(atRadius.withAsOf(day), inputs, states.get(day), System.nanoTime(), null).report();
            points.add(new CoverageTrend.Point(day, last.facilityCount(), last.totalPopulation(), last.coveredPopulation(),
                    last.coveredPercent(), last.perDistrict(), last.projected()));
        }
        return new CoverageTrend(last.type(), last.metric(), last.radiusMeters(), last.statuses(), step, points);
    }

    /**
     * The radius of the type's active radius rule in the standards catalogue.
     *
     * @throws IllegalArgumentException when the type has no active radius rule
     */
    public StoredRule activeRadiusRule(FacilityType type) {
        return standards.activeRadius(type).orElseThrow(() -> new IllegalArgumentException("no radiusMeters given and no "
                + "active radius rule for " + type.code() + " in the standards catalogue; give radiusMeters or activate one"));
    }

    /**
     * Runs the analysis with the radius of the type's active standard, and says so in the report. With a zone
     * layer, each zone takes the radius of the rule named after it, and the rest of the city that of the earliest
     * active radius rule no zone is named after.
     */
    public Outcome analyzeWithActiveStandard(CoverageRequest withoutRadius) {
        long t0 = System.nanoTime();
        DemandInputs inputs = demandOf(withoutRadius);
        StoredRule rule = defaultRule(withoutRadius, inputs.zoning());
        CoverageRequest request = withoutRadius.withRadiusMeters(rule.rule().maxValue());
        List<FacilityState> states = request.asOf() == null ? null : statesOn(List.of(request.asOf())).get(request.asOf());
        return analyze(request, inputs, states, t0, rule);
    }

    /** The rule whose radius applies outside the zones (everywhere without a zone layer). */
    private StoredRule defaultRule(CoverageRequest request, RadiusZoning zoning) {
        return zoning == null || zoning.defaultRule() == null ? activeRadiusRule(request.type()) : zoning.defaultRule();
    }

    /**
     * The report, the study behind it (for the uncovered cells), the facilities counted and the planning areas
     * that split it.
     */
    public record Outcome(CoverageReport report, CoverageStudy.Result study, List<FacilityPoint> facilities,
            List<DistrictAssigner.NamedArea> areas, RadiusZones zones) {
        public Outcome {
            facilities = List.copyOf(facilities);
            areas = List.copyOf(areas);
            zones = zones == null ? RadiusZones.NONE : zones;
        }
    }

    public Outcome analyze(CoverageRequest request) {
        long t0 = System.nanoTime();
        List<FacilityState> states = request.asOf() == null ? null : statesOn(List.of(request.asOf())).get(request.asOf());
        return analyze(request, demandOf(request), states, t0, null);
    }

    /**
     * The facilities on each of {@code days}, from one read of the registry and the timelines: as they stood on
     * a day up to today, as planned on a day ahead (see {@link #projected}).
     */
    private java.util.Map<LocalDate, List<FacilityState>> statesOn(List<LocalDate> days) {
        LocalDate today = today();
        List<LocalDate> replayed = new ArrayList<>(days.stream().filter(d -> !d.isAfter(today)).toList());
        boolean ahead = replayed.size() < days.size();
        if (ahead && !replayed.contains(today)) {
            replayed.add(today);
        }
        java.util.Map<LocalDate, List<FacilityState>> states = new java.util.HashMap<>(progress.statesOnDays(replayed, null));
        for (LocalDate d : days) {
            if (d.isAfter(today)) {
                states.put(d, projected(states.get(today), d));
            }
        }
        return states;
    }

    /** Statuses on the way to completion: as planned, they are built by their planned completion date. */
    private static final Set<FacilityStatus> UNDER_WAY = EnumSet.of(FacilityStatus.PLANNED, FacilityStatus.SITE_SELECTED,
            FacilityStatus.APPROVED, FacilityStatus.UNDER_CONSTRUCTION, FacilityStatus.COMPLETED);

    /**
     * The registry on a day ahead, as planned: today's states, with every facility on the way whose planned
     * completion falls on or before {@code day} counted as in service (overdue ones too: the plan says they are
     * done); suspended, cancelled and decommissioned ones stay as they are.
     */
    static List<FacilityState> projected(List<FacilityState> today, LocalDate day) {
        List<FacilityState> out = new ArrayList<>(today.size());
        for (FacilityState s : today) {
            LocalDate due = s.progress().plannedCompletion();
            boolean done = UNDER_WAY.contains(s.status()) && due != null && !due.isAfter(day);
            out.add(done ? new FacilityState(s.facility(), FacilityStatus.IN_SERVICE, s.progress(), s.actualStart(),
                    s.actualCompletion(), null, null, s.timeline()) : s);
        }
        return out;
    }

    /**
     * A demand layer's cells as points, their polygons where it has them, the planning areas, and the radii by zone
     * (null without a zone layer).
     */
    private record DemandInputs(String layer, List<DemandPoint> points, java.util.Map<String, Geometry> polygons,
            List<DistrictAssigner.NamedArea> areas, RadiusZoning zoning) {
    }

    private DemandInputs demandOf(CoverageRequest request) {
        String layer = demand.resolveLayer(request.demandLayer());
        List<DemandPoint> points = new ArrayList<>();
        java.util.Map<String, Geometry> polygons = new java.util.HashMap<>();
        for (DemandCell c : demand.cells(layer, null)) {
            points.add(new DemandPoint(c.key(), c.lonWgs84(), c.latWgs84(), c.population(), null));
            if (c.areaWgs84() != null) {
                polygons.put(c.key(), c.areaWgs84());
            }
        }
        RadiusZoning zoning = request.zoneLayer() == null ? null
                : standards.radiusZones(request.type(), demand.namedAreas(request.zoneLayer())).requireZones(request.zoneLayer());
        return new DemandInputs(layer, points, polygons, demand.namedAreas(request.districtLayer()), zoning);
    }

    /**
     * @param statesOnDay the facilities as they stood on {@code request.asOf()}, null for today's registry
     * @param t0          when the call began (the report's load time counts from it)
     * @param standard    the catalogue rule the radius came from (named in the report, and for the demand outside the
     *                    zones), or null when the radius was given
     */
    private Outcome analyze(CoverageRequest request, DemandInputs inputs, List<FacilityState> statesOnDay, long t0,
            StoredRule standard) {
        String layer = inputs.layer();
        List<DemandPoint> points = inputs.points();
        java.util.Map<String, Geometry> polygons = inputs.polygons();
        List<DistrictAssigner.NamedArea> areas = inputs.areas();
        Set<FacilityType> types = EnumSet.of(request.type());
        if (request.mobileAsToilets() && request.type() == FacilityType.PUBLIC_TOILET) {
            types.add(FacilityType.MOBILE_TOILET);
        }
        Set<FacilityStatus> statuses = EnumSet.of(FacilityStatus.IN_SERVICE);
        statuses.addAll(request.statuses());
        List<FacilityPoint> sites = new ArrayList<>();
        if (statesOnDay == null) {
            for (Facility f : facilities.all(types, statuses)) {
                sites.add(new FacilityPoint(Long.toString(f.id()), f.attributes().lonWgs84(), f.attributes().latWgs84()));
            }
        } else {
            // the registry as it stood at the end of that day: who existed then, with the status they had
            for (FacilityState s : statesOnDay) {
                Facility f = s.facility();
                if (types.contains(f.attributes().type()) && statuses.contains(s.status())) {
                    sites.add(new FacilityPoint(Long.toString(f.id()), f.attributes().lonWgs84(), f.attributes().latWgs84()));
                }
            }
        }
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        CoverageModel model = request.metric().equals("walking") ? network.walkingCoverage() : new CoverageAnalyzer();
        if (request.weighting().equals("area")) {
            if (polygons.isEmpty()) {
                throw new IllegalArgumentException("demand layer '" + layer + "' has no cell polygons; area weighting needs a "
                        + "polygon grid (e.g. a GeoPackage population grid), use weighting=centroid");
            }
            model = areaWeighted(model, polygons, planeOf(points), request.radiusMeters());
        }
        RadiusZoning zoning = inputs.zoning();
        if (zoning != null) {
            model = new ZonedCoverage(model, zoning.zones());
        }
        CoverageStudy.Result study = new CoverageStudy(model).run(points, sites, areas,
                request.radiusMeters(), MAX_GAPS);
        List<String> statusCodes = statuses.stream().sorted(Comparator.comparingInt(Enum::ordinal))
                .map(FacilityStatus::code).toList();
        CoverageReport report = CoverageReport.of(request.type().code(), request.metric(), request.radiusMeters(), statusCodes,
                sites.size(), layer, study, loadMillis);
        report = report.withRuleChecks(ruleChecks(request.type(), study)).withWeighting(request.weighting())
                .withAsOf(request.asOf() == null ? null : request.asOf().toString(),
                        request.asOf() != null && request.asOf().isAfter(today())).withDistrictLayer(request.districtLayer());
        if (standard != null) {
            report = report.withStandard(new CoverageReport.Standard(standard.rule().code(), standard.rule().source(),
                    standard.rule().confidence(), standard.rule().areaClass()));
        }
        if (zoning != null) {
            java.util.Map<String, String> ruleOfZone = new java.util.HashMap<>(zoning.ruleOfZone());
            if (standard != null) {
                ruleOfZone.put(RadiusZones.OUTSIDE_ZONES, standard.rule().code());
            }
            report = report.withZoning(CoverageReport.Zoning.of(request.zoneLayer(), zoning.zones()
                    .tally(study.demand(), study.coverage(), request.radiusMeters()), ruleOfZone, zoning.zonesWithoutRule()));
        }
        return new Outcome(report, study, sites, areas, zoning == null ? RadiusZones.NONE : zoning.zones());
    }

    private static CoverageModel areaWeighted(CoverageModel base, java.util.Map<String, Geometry> polygons, LocalPlane plane,
            double radiusMeters) {
        return new AreaWeightedCoverage(base, polygons, plane, (prepared, facilities) -> prepared
                instanceof org.sanimap.engine.network.WalkingCoverageAnalyzer.Prepared walking
                        ? walking.serviceArea(WALKING_TRIM_METERS, plane)
                        : new GapAreaBuilder().straightLineServiceArea(facilities, radiusMeters, plane));
    }

    private static LocalPlane planeOf(List<DemandPoint> demandPoints) {
        double minLon = demandPoints.stream().mapToDouble(DemandPoint::lonWgs84).min().orElse(0);
        double maxLon = demandPoints.stream().mapToDouble(DemandPoint::lonWgs84).max().orElse(0);
        double minLat = demandPoints.stream().mapToDouble(DemandPoint::latWgs84).min().orElse(0);
        double maxLat = demandPoints.stream().mapToDouble(DemandPoint::latWgs84).max().orElse(0);
        return new LocalPlane((minLon + maxLon) / 2, (minLat + maxLat) / 2);
    }

    /** Width added on each side of reached streets to draw the walking service area, metres. */
    public static final double WALKING_TRIM_METERS = 30;

    /**
     * The service area of the counted facilities and, per planning area, the part it leaves uncovered
     * (the demand's convex hull when no districts are loaded), in WGS84.
     */
    public GapAreas gapAreas(Outcome outcome, String metric) {
        List<DemandPoint> demandPoints = outcome.study().demand();
        LocalPlane plane = planeOf(demandPoints);
        double radius = outcome.report().radiusMeters();
        GapAreaBuilder builder = new GapAreaBuilder();
        // with zones, each zone's part is served at its radius and the rest at the default
        Geometry served = outcome.zones().clipServiceArea(r -> metric.equals("walking")
                ? network.walkingCoverage().prepare(outcome.facilities(), r).serviceArea(WALKING_TRIM_METERS, plane)
                : builder.straightLineServiceArea(outcome.facilities(), r, plane), radius);
        return new GapAreas(served, builder.gaps(served, outcome.areas(), demandPoints, plane));
    }

    /**
     * What each counted facility serves in the outcome's study: the residents within its reach (its zone's radius
     * where zones apply) and those no other counted facility reaches, who would lose coverage if it closed. By the
     * cells' centres, whatever the study's weighting; facilities in the order the study counted them.
     */
    public List<FacilityCatchment> catchments(Outcome outcome, String metric) {
        List<DemandPoint> demandPoints = outcome.study().demand();
        double[] lon = demandPoints.stream().mapToDouble(DemandPoint::lonWgs84).toArray();
        double[] lat = demandPoints.stream().mapToDouble(DemandPoint::latWgs84).toArray();
        double[] residents = demandPoints.stream().mapToDouble(DemandPoint::population).toArray();
        List<FacilityPoint> sites = outcome.facilities();
        double[] fLon = sites.stream().mapToDouble(FacilityPoint::lonWgs84).toArray();
        double[] fLat = sites.stream().mapToDouble(FacilityPoint::latWgs84).toArray();
        double[] radii = outcome.zones().radiiMeters(lon, lat, outcome.report().radiusMeters());
        org.sanimap.engine.network.WalkingCoverageAnalyzer walking = metric.equals("walking") ? network.walkingCoverage() : null;
        CoverageSets reach = CoverageSetBuilder.perDemandRadius(lon, lat, radii, sites.size(), (dLon, dLat, r) -> walking == null
                ? CoverageSetBuilder.greatCircle(dLon, dLat, fLon, fLat, r, GreatCircle.MEAN_EARTH_RADIUS_METERS)
                : CoverageSetBuilder.walking(walking, dLon, dLat, fLon, fLat, r));
        int[][] facilitiesOfUnit = new int[demandPoints.size()][];
        for (int i = 0; i < facilitiesOfUnit.length; i++) {
            facilitiesOfUnit[i] = reach.candidatesOf(i);
        }
        // names and districts as the registry holds them now (a replay of a past day counts the same facilities)
        java.util.Map<Long, Facility> registry = new java.util.HashMap<>();
        Set<FacilityType> counted = EnumSet.of(FacilityType.fromCode(outcome.report().type()));
        if (counted.contains(FacilityType.PUBLIC_TOILET)) {
            counted.add(FacilityType.MOBILE_TOILET); // counted with toilets when asked
        }
        facilities.all(counted, EnumSet.allOf(FacilityStatus.class)).forEach(f -> registry.put(f.id(), f));
        List<FacilityCatchment> out = new ArrayList<>();
        for (CatchmentCounter.Catchment c : CatchmentCounter.count(residents, facilitiesOfUnit, sites.size())) {
            long id = Long.parseLong(sites.get(c.facility()).id());
            Facility f = registry.get(id);
            out.add(new FacilityCatchment(id, f == null ? null : f.attributes().name(), f == null ? null : f.attributes().type().code(),
                    f == null ? null : f.attributes().district(), c.residentsWithin(), c.residentsOnlyHere(), c.units(),
                    c.unitsOnlyHere()));
        }
        return out;
    }

    /**
     * @param facilityId        the facility
     * @param name              its name, or null
     * @param type              its type code
     * @param district          its district, or null
     * @param residentsWithin   residents of the demand cells within its reach
     * @param residentsOnlyHere of those, the residents no other counted facility reaches
     * @param cells             cells within its reach
     * @param cellsOnlyHere     cells only it reaches
     */
    public record FacilityCatchment(long facilityId, String name, String type, String district, double residentsWithin,
            double residentsOnlyHere, int cells, int cellsOnlyHere) {
    }

    /**
     * @param serviceAreaWgs84 what the facilities serve
     * @param gaps             per planning area, its uncovered part
     */
    public record GapAreas(Geometry serviceAreaWgs84, List<GapAreaBuilder.GapArea> gaps) {
    }

}
