package org.sanimap.engine.network;

import java.util.Map;
import java.util.Set;

/**
 * Whether a person may walk along an OSM way, following the rules of GraphHopper's foot access
 * parser (FootAccessParser, GraphHopper 10):
 * <ul>
 * <li>{@code foot=yes|designated|permissive|official} allows any way with a highway tag;</li>
 * <li>{@code foot=no|private|use_sidepath|discouraged}, {@code access=no|private|military|emergency}
 * without a foot permission, and {@code sidewalk=separate} on roads without foot permission forbid
 * it (the sidewalk is mapped as its own way);</li>
 * <li>highways allowed by default: footway, pedestrian, path, steps, living_street, residential,
 * service, track, unclassified, road, tertiary(_link), secondary(_link), primary(_link), trunk(_link),
 * platform, corridor, bridleway, cycleway; motorway(_link) and construction/proposed/abandoned are
 * not walkable;</li>
 * <li>ferries ({@code route=ferry}) are left out: they are not a walk.</li>
 * </ul>
 * Ways are walkable in both directions (one-way rules do not bind pedestrians).
 */
public final class FootAccessRules {

    private static final Set<String> WALKABLE_HIGHWAYS = Set.of("footway", "pedestrian", "path", "steps",
            "living_street", "residential", "service", "track", "unclassified", "road", "tertiary", "tertiary_link",
            "secondary", "secondary_link", "primary", "primary_link", "trunk", "trunk_link", "platform", "corridor",
            "bridleway", "cycleway");
    private static final Set<String> FOOT_YES = Set.of("yes", "designated", "permissive", "official");
    private static final Set<String> FOOT_NO = Set.of("no", "private", "use_sidepath", "discouraged");
    private static final Set<String> ACCESS_NO = Set.of("no", "private", "military", "emergency", "restricted");

    private FootAccessRules() {
    }

    /** True when a pedestrian may use the way. */
    public static boolean walkable(Map<String, String> tags) {
        String highway = tags.get("highway");
        if (highway == null) {
            return false;
        }
        if ("yes".equals(tags.get("area")) && !"pedestrian".equals(highway) && !"footway".equals(highway)) {
            return false;
        }
        String foot = tags.get("foot");
        if (foot != null && FOOT_NO.contains(foot)) {
            return false;
        }
        boolean footAllowed = foot != null && FOOT_YES.contains(foot);
        if (footAllowed) {
            return !highway.equals("construction") && !highway.equals("proposed") && !highway.equals("abandoned");
        }
        String access = tags.get("access");
        if (access != null && ACCESS_NO.contains(access)) {
            return false;
        }
        if ("separate".equals(tags.get("sidewalk")) || "separate".equals(tags.get("sidewalk:both"))) {
            return false;
        }
        return WALKABLE_HIGHWAYS.contains(highway);
    }
}
