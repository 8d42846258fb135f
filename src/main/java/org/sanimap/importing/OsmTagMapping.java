package org.sanimap.importing;

import java.util.Map;
import java.util.Optional;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/**
 * Maps OSM tags to facility attributes:
 * <ul>
 * <li>{@code amenity=toilets} → public_toilet;</li>
 * <li>{@code amenity=waste_transfer_station} → transfer_station;</li>
 * <li>{@code amenity=recycling} → collection_point (containers; {@code recycling_type=centre} is a
 * staffed collection_station);</li>
 * <li>{@code amenity=waste_disposal} → collection_point;</li>
 * <li>{@code amenity=waste_basket} (street litter bin) → ignored unless asked for, then collection_point.</li>
 * </ul>
 * Names from {@code name}, else {@code name:zh}, else {@code name:en}. Imported facilities are
 * {@code in_service}: OSM maps what exists.
 */
final class OsmTagMapping {

    private final OsmReadOptions options;

    OsmTagMapping(OsmReadOptions options) {
        this.options = options;
    }

    /** The facility type these tags describe, or empty when they describe none. */
    Optional<FacilityType> type(Map<String, String> tags) {
        String amenity = tags.get("amenity");
        if (amenity == null) {
            return Optional.empty();
        }
        return switch (amenity) {
            case "toilets" -> Optional.of(FacilityType.PUBLIC_TOILET);
            case "waste_transfer_station" -> Optional.of(FacilityType.TRANSFER_STATION);
            case "recycling" -> Optional.of("centre".equals(tags.get("recycling_type"))
                    ? FacilityType.COLLECTION_STATION : FacilityType.COLLECTION_POINT);
            case "waste_disposal" -> Optional.of(FacilityType.COLLECTION_POINT);
            case "waste_basket" -> options.includeWasteBaskets() ? Optional.of(FacilityType.COLLECTION_POINT) : Optional.empty();
            default -> Optional.empty();
        };
    }

    FacilityAttributes attributes(FacilityType type, Map<String, String> tags, double lon, double lat,
            String elementType, long id) {
        return new FacilityAttributes(type, FacilityStatus.IN_SERVICE, name(tags), address(tags),
                first(tags, "addr:district", "addr:suburb"), capacity(tags), null, tags.get("opening_hours"),
                barrierFree(tags), tags.get("operator"), lon, lat, FacilitySource.osm(elementType, id));
    }

    private static String name(Map<String, String> tags) {
        return first(tags, "name", "name:zh", "name:zh-Hans", "name:en");
    }

    private static String address(Map<String, String> tags) {
        String full = tags.get("addr:full");
        if (full != null) {
            return full;
        }
        String street = tags.get("addr:street");
        String number = tags.get("addr:housenumber");
        if (street == null) {
            return null;
        }
        return number == null ? street : street + " " + number;
    }

    private static Double capacity(Map<String, String> tags) {
        String c = tags.get("capacity");
        if (c == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(c.trim());
            return Double.isFinite(v) && v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean barrierFree(Map<String, String> tags) {
        String w = first(tags, "wheelchair", "toilets:wheelchair");
        if (w == null) {
            return null;
        }
        return switch (w) {
            case "yes", "designated", "limited" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String first(Map<String, String> tags, String... keys) {
        for (String k : keys) {
            String v = tags.get(k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
