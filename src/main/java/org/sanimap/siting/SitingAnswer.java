package org.sanimap.siting;

import java.util.List;
import java.util.Map;

/**
 * The answer of a siting run.
 *
 * @param type                       facility type sited
 * @param model                      lscp or mclp
 * @param metric                     euclidean or walking
 * @param radiusMeters               service radius used
 * @param standard                   code of the active standard the radius came from, or null
 * @param district                   the planning area the run was restricted to, or null for the whole city
 * @param p                          MCLP: sites asked for; else null
 * @param targetCoverage             LSCP: share to cover; else null
 * @param status                     optimal, feasible, infeasible or unknown
 * @param reason                     why infeasible, fewer sites, or cancelled; else null
 * @param objective                  MCLP: people newly covered; LSCP: new sites; null without a solution
 * @param bound                      proven bound on the objective (upper for MCLP, lower for LSCP)
 * @param gap                        relative gap between objective and bound
 * @param heuristicObjective         the heuristic's objective, the exact search's warm start
 * @param demandUnits                demand cells in the layer
 * @param existingFacilities         facilities counted as existing
 * @param candidateSites             candidate sites considered
 * @param coveragePairs              (cell, candidate) pairs within the radius
 * @param totalPopulation            residents in the layer
 * @param existingCoveredPopulation  residents the existing facilities cover
 * @param coveredPopulationAfter     residents covered with the proposals built
 * @param unreachablePopulation      residents no candidate and no existing facility reaches
 * @param proposals                  the proposed sites, best first
 * @param timingsMillis              build (candidates, coverage sets, reductions, model) and solve (heuristic,
 *                                   exact search), with their parts
 * @param districtQuotas             the most new sites each named district could receive, or null
 * @param minSpacingMeters           the least distance kept between new sites, or null
 * @param zoneLayer                  the layer of radius zones, or null for one radius everywhere
 * @param zoneRadiiMeters            with zones: the radius each zone's residents were served within (the rest:
 *                                   {@code radiusMeters}); else null
 */
public record SitingAnswer(String type, String model, String metric, double radiusMeters, String standard, String district, Integer p,
        Double targetCoverage, String status, String reason, Double objective, Double bound, Double gap, Double heuristicObjective,
        int demandUnits, int existingFacilities, int candidateSites, long coveragePairs, double totalPopulation,
        double existingCoveredPopulation, double coveredPopulationAfter, double unreachablePopulation, List<Proposal> proposals,
        Map<String, Long> timingsMillis, Map<String, Integer> districtQuotas, Double minSpacingMeters, String zoneLayer,
        Map<String, Double> zoneRadiiMeters) {

    public SitingAnswer {
        proposals = List.copyOf(proposals);
        timingsMillis = Map.copyOf(timingsMillis);
        districtQuotas = districtQuotas == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(districtQuotas));
        zoneRadiiMeters = zoneRadiiMeters == null ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(zoneRadiiMeters));
    }

    /**
     * One proposed site.
     *
     * @param rank               1 = adds the most
     * @param candidateId        the candidate's id (grid cell, network node, or the layer's feature id)
     * @param lonWgs84           longitude
     * @param latWgs84           latitude
     * @param populationAdded    residents it newly covers given existing sites and better-ranked proposals
     * @param district           planning area it falls in, or null
     */
    public record Proposal(int rank, String candidateId, double lonWgs84, double latWgs84, double populationAdded,
            String district) {
    }
}
