package org.sanimap.coverage;

import java.util.List;
import java.util.Map;
import org.sanimap.engine.coverage.CoverageResult;
import org.sanimap.engine.coverage.CoverageStudy;
import org.sanimap.engine.coverage.DemandPoint;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.engine.coverage.DistrictCoverage;
import org.sanimap.engine.coverage.Gap;

/**
 * The coverage report as the API and the command line return it (JSON).
 *
 * @param type                facility type analysed
 * @param metric              distance metric ({@code euclidean}: great-circle straight line)
 * @param radiusMeters        service radius, metres
 * @param statuses            facility statuses counted
 * @param facilityCount       facilities counted
 * @param demandLayer         the demand layer or file
 * @param totalPopulation     residents of all demand cells
 * @param coveredPopulation   residents within the radius of a facility
 * @param uncoveredPopulation residents outside every radius
 * @param coveredPercent      covered share, percent
 * @param cells               demand cells
 * @param coveredCells        covered demand cells
 * @param perDistrict         figures per planning area
 * @param gapCount            number of gaps
 * @param gaps                the largest gaps, ranked by uncovered population
 * @param timingsMillis       load, build, compute and gaps times, milliseconds
 * @param standard            the catalogue rule the radius came from, or null when the radius was given
 * @param density             facilities per km² per planning area
 * @param spacing             nearest-neighbour spacing of the counted facilities
 * @param ruleChecks          the type's active density and spacing rules checked against the figures
 * @param weighting           centroid (a cell counts by its centre) or area (covered share of its polygon)
 * @param asOf                the day whose facilities were counted, with their statuses then (ISO date); null for
 *                            today's registry
 * @param projected           true when {@code asOf} lies ahead: the facilities as planned, those due for
 *                            completion by then counted as in service
 * @param districtLayer       the layer of planning areas that split the figures; null: every stored one
 * @param zoning              the radii by zone, when a zone layer was used; null: {@code radiusMeters} everywhere
 */
public record CoverageReport(String type, String metric, double radiusMeters, List<String> statuses, int facilityCount,
        String demandLayer, double totalPopulation, double coveredPopulation, double uncoveredPopulation,
        double coveredPercent, int cells, int coveredCells, List<District> perDistrict, int gapCount, List<GapSummary> gaps,
        Map<String, Long> timingsMillis, Standard standard, List<Density> density, Spacing spacing,
        List<RuleCheck> ruleChecks, String weighting, String asOf, boolean projected, String districtLayer,
        Zoning zoning) {

    /**
     * Radii by zone: inside each zone its rule's radius applied, outside every zone {@code radiusMeters}.
     *
     * @param layer            the zone layer
     * @param zones            per zone (and last, the demand outside every zone), its radius and figures
     * @param zonesWithoutRule the layer's areas named after no active rule's area class (their demand took the
     *                         default radius)
     */
    public record Zoning(String layer, List<Zone> zones, List<String> zonesWithoutRule) {
        public Zoning {
            zones = List.copyOf(zones);
            zonesWithoutRule = List.copyOf(zonesWithoutRule);
        }

        /**
         * The zoning of a study: its per-zone tally, each zone with the code of the rule that set its radius
         * ({@code ruleOfZone}; the outside row takes none until the default rule is known).
         */
        public static Zoning of(String layer, List<org.sanimap.engine.coverage.RadiusZones.ZoneCoverage> tally,
                Map<String, String> ruleOfZone, List<String> zonesWithoutRule) {
            return new Zoning(layer, tally.stream().map(z -> new Zone(z.zone(), z.radiusMeters(), ruleOfZone.get(z.zone()),
                    z.totalPopulation(), z.coveredPopulation(), z.coveredPercent(), z.cells(), z.coveredCells())).toList(),
                    zonesWithoutRule);
        }
    }

    /**
     * @param name           the zone (its area class), or "(outside zones)"
     * @param radiusMeters   the radius its demand was served within, metres
     * @param rule           the catalogue code of the rule that set it; null outside the zones when the radius was given
     * @param total          its residents
     * @param covered        its covered residents
     * @param coveredPercent covered share, percent
     * @param cells          its demand cells
     * @param coveredCells   its covered cells
     */
    public record Zone(String name, double radiusMeters, String rule, double total, double covered, double coveredPercent,
            int cells, int coveredCells) {
    }

    /** The same report with its radii by zone. */
    public CoverageReport withZoning(Zoning used) {
        return new CoverageReport(type, metric, radiusMeters, statuses, facilityCount, demandLayer, totalPopulation,
                coveredPopulation, uncoveredPopulation, coveredPercent, cells, coveredCells, perDistrict, gapCount, gaps,
                timingsMillis, standard, density, spacing, ruleChecks, weighting, asOf, projected, districtLayer, used);
    }

    /**
     * @param district   planning area
     * @param facilities facilities inside it
     * @param areaKm2    its area, km²
     * @param perKm2     facilities per km²
     */
    public record Density(String district, int facilities, double areaKm2, double perKm2) {
    }

    /**
     * Nearest-neighbour distances, metres (null with fewer than 2 facilities).
     */
    public record Spacing(int facilities, Double minMeters, Double medianMeters, Double meanMeters) {
    }

    /**
     * @param code     catalogue code
     * @param source   standard and clause
     * @param kind     density_km2 or spacing
     * @param minValue lower bound or null
     * @param maxValue upper bound or null
     * @param outside  districts (density) or facilities (spacing) outside the bounds
     * @param checked  districts or facilities checked
     */
    public record RuleCheck(String code, String source, String kind, Double minValue, Double maxValue, int outside,
            int checked) {
    }

    /** The same report with rule checks. */
    public CoverageReport withRuleChecks(List<RuleCheck> checks) {
        return new CoverageReport(type, metric, radiusMeters, statuses, facilityCount, demandLayer, totalPopulation,
                coveredPopulation, uncoveredPopulation, coveredPercent, cells, coveredCells, perDistrict, gapCount, gaps,
                timingsMillis, standard, density, spacing, List.copyOf(checks), weighting, asOf, projected, districtLayer, zoning);
    }

    /**
     * @param code        catalogue code, e.g. gb55013-toilet-radius
     * @param source      the standard and clause
     * @param confidence  H, M or L
     * @param areaClass   where the rule applies
     */
    public record Standard(String code, String source, String confidence, String areaClass) {
    }

    /** The same report, saying which standard its radius came from. */
    public CoverageReport withStandard(Standard used) {
        return new CoverageReport(type, metric, radiusMeters, statuses, facilityCount, demandLayer, totalPopulation,
                coveredPopulation, uncoveredPopulation, coveredPercent, cells, coveredCells, perDistrict, gapCount, gaps,
                timingsMillis, used, density, spacing, ruleChecks, weighting, asOf, projected, districtLayer, zoning);
    }

    /**
     * @param name           planning area
     * @param covered        covered residents
     * @param total          all residents
     * @param coveredPercent covered share, percent
     * @param cells          demand cells
     * @param coveredCells   covered demand cells
     */
    public record District(String name, double covered, double total, double coveredPercent, int cells, int coveredCells) {
    }

    /**
     * @param rank       1 = most uncovered residents
     * @param population uncovered residents
     * @param lon        population-weighted centre, degrees WGS84
     * @param lat        population-weighted centre, degrees WGS84
     * @param cells      uncovered cells
     * @param areaKm2    convex hull area of the cells' centres, km²
     * @param district   the planning area holding most of its uncovered residents; null without districts or when
     *                   they lie in none
     */
    public record GapSummary(int rank, double population, double lon, double lat, int cells, double areaKm2, String district) {
    }

    /** The district holding most of the gap's residents (the first such in the gap's order on a tie). */
    private static String mainDistrict(Gap g, List<DemandPoint> demand) {
        Map<String, Double> residents = new java.util.LinkedHashMap<>();
        for (int i : g.demandIndexes()) {
            String d = demand.get(i).district();
            if (d != null && !d.equals(DistrictAssigner.WHOLE_AREA)) {
                residents.merge(d, demand.get(i).population(), Double::sum);
            }
        }
        String best = null;
        for (Map.Entry<String, Double> e : residents.entrySet()) {
            if (best == null || e.getValue() > residents.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static Map<String, Long> timings(long loadMillis, CoverageStudy.Result study) {
        Map<String, Long> t = new java.util.LinkedHashMap<>();
        t.put("load", loadMillis);
        t.put("build", study.buildMillis());
        t.put("compute", study.computeMillis());
        t.put("gaps", study.gapsMillis());
        return java.util.Collections.unmodifiableMap(t);
    }

    /** Builds the report of a finished study. */
    public static CoverageReport of(String type, String metric, double radiusMeters, List<String> statuses,
            int facilityCount, String demandLayer, CoverageStudy.Result study, long loadMillis) {
        CoverageResult r = study.coverage();
        List<District> districts = r.perDistrict().stream().map((DistrictCoverage d) -> new District(d.district(),
                d.coveredPopulation(), d.totalPopulation(), d.coveredPercent(), d.cells(), d.coveredCells())).toList();
        List<GapSummary> gaps = study.largestGaps().stream().map((Gap g) -> new GapSummary(g.rank(), g.population(),
                g.centreLonWgs84(), g.centreLatWgs84(), g.cells(), g.areaKm2(), mainDistrict(g, study.demand()))).toList();
        return new CoverageReport(type, metric, radiusMeters, List.copyOf(statuses), facilityCount, demandLayer,
                r.totalPopulation(), r.coveredPopulation(), r.totalPopulation() - r.coveredPopulation(), r.coveredPercent(),
                r.cells(), r.coveredCells(), districts, study.gapCount(), gaps,
                timings(loadMillis, study), null,
                study.density().stream().map(d -> new Density(d.district(), d.facilities(), d.areaKm2(), d.perKm2())).toList(),
                new Spacing(study.spacing().facilities(), finite(study.spacing().minMeters()),
                        finite(study.spacing().medianMeters()), finite(study.spacing().meanMeters())),
                List.of(), "centroid", null, false, null, null);
    }

    /** The same report, saying how cells were weighted. */
    public CoverageReport withWeighting(String how) {
        return new CoverageReport(type, metric, radiusMeters, statuses, facilityCount, demandLayer, totalPopulation,
                coveredPopulation, uncoveredPopulation, coveredPercent, cells, coveredCells, perDistrict, gapCount, gaps,
                timingsMillis, standard, density, spacing, ruleChecks, how, asOf, projected, districtLayer, zoning);
    }

    /**
     * The same report, saying which day's facilities it counted (ISO date; null: today's registry) and whether
     * that day lies ahead (a projection from the planned completion dates).
     */
    public CoverageReport withAsOf(String day, boolean ahead) {
        return new CoverageReport(type, metric, radiusMeters, statuses, facilityCount, demandLayer, totalPopulation,
                coveredPopulation, uncoveredPopulation, coveredPercent, cells, coveredCells, perDistrict, gapCount, gaps,
                timingsMillis, standard, density, spacing, ruleChecks, weighting, day, ahead, districtLayer, zoning);
    }

    /** The same report, saying which layer of planning areas split it (null: every stored one). */
    public CoverageReport withDistrictLayer(String layer) {
        return new CoverageReport(type, metric, radiusMeters, statuses, facilityCount, demandLayer, totalPopulation,
                coveredPopulation, uncoveredPopulation, coveredPercent, cells, coveredCells, perDistrict, gapCount, gaps,
                timingsMillis, standard, density, spacing, ruleChecks, weighting, asOf, projected, layer, zoning);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
