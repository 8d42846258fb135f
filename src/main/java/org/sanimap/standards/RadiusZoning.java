package org.sanimap.standards;

import java.util.List;
import java.util.Map;
import org.sanimap.engine.coverage.RadiusZones;
import org.sanimap.facility.FacilityType;

/**
 * The radii a type's active radius rules give by zone: a zone (an area of a zone layer, e.g. a land-use
 * class) takes the rule whose area class it is named after; demand outside every such zone is served
 * within the default radius.
 *
 * @param type             the facility type whose rules these are
 * @param zones            the zones that name a rule's area class, with that rule's radius
 * @param ruleOfZone       for each of those zones, the code of its rule
 * @param zonesWithoutRule the layer's areas that name no active rule's area class (their demand takes the default)
 * @param defaultRule      the active radius rule for demand outside the zones: the earliest whose area class names
 *                         no zone, else the earliest; null when the type has no active radius rule
 * @param areaClasses      the area classes of the type's active radius rules
 */
public record RadiusZoning(FacilityType type, RadiusZones zones, Map<String, String> ruleOfZone,
        List<String> zonesWithoutRule, StoredRule defaultRule, List<String> areaClasses) {

    public RadiusZoning {
        ruleOfZone = Map.copyOf(ruleOfZone);
        zonesWithoutRule = List.copyOf(zonesWithoutRule);
        areaClasses = List.copyOf(areaClasses);
    }

    /**
     * This zoning, when at least one area is a zone.
     *
     * @throws IllegalArgumentException naming the rules' area classes and the layer's areas otherwise
     */
    public RadiusZoning requireZones(String layer) {
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("no area of zone layer '" + layer + "' is named after the area class of an "
                    + "active radius rule for " + type.code() + " (area classes: " + areaClasses + "; areas: "
                    + zonesWithoutRule.stream().distinct().sorted().limit(20).toList() + "); rename the areas (import with "
                    + "nameProperty=) or edit the rules' area class");
        }
        return this;
    }
}
