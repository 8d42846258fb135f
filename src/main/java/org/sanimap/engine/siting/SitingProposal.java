package org.sanimap.engine.siting;

/**
 * One proposed new site.
 *
 * @param candidate  0-based index of the candidate site
 * @param rank       1 for the site that adds the most, then in greedy order: each next site is the one
 *                   adding the most given the existing facilities and the sites ranked before it
 * @param gainWeight demand weight this site newly covers given those
 */
public record SitingProposal(int candidate, int rank, double gainWeight) {
}
