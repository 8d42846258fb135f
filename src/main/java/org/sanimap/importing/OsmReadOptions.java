package org.sanimap.importing;

/**
 * How OSM elements become facilities.
 *
 * @param includeWasteBaskets also import {@code amenity=waste_basket} (street litter bins) as
 *                            collection points; off by default since a litter bin is not a household
 *                            waste collection point
 */
public record OsmReadOptions(boolean includeWasteBaskets) {

    public static OsmReadOptions defaults() {
        return new OsmReadOptions(false);
    }
}
