package org.sanimap.facility;

import java.util.Optional;

/**
 * The editable content of a facility: everything but its id, timestamps and version. Validated on
 * construction; messages name the value and the accepted range so that readers can append the
 * row ("... at row 17").
 *
 * @param type          facility type, required
 * @param status        lifecycle status, required
 * @param name          display name, any Unicode, may be null
 * @param address       postal address, may be null
 * @param district      administrative district (区) the facility belongs to, may be null
 * @param capacity      toilet seats (toilets) or tonnes per day (stations), null when unknown
 * @param toiletGrade   toilet grade I/II/III, toilets only, may be null
 * @param openingHours  opening hours as text (OSM syntax welcome), may be null
 * @param barrierFree   whether barrier-free (wheelchair) access exists, null when unknown
 * @param operator      operating or responsible unit, may be null
 * @param lonWgs84      longitude in degrees, WGS84 (EPSG:4326), in [-180, 180]
 * @param latWgs84      latitude in degrees, WGS84 (EPSG:4326), in [-90, 90]
 * @param source        provenance, required
 */
public record FacilityAttributes(
        FacilityType type,
        FacilityStatus status,
        String name,
        String address,
        String district,
        Double capacity,
        ToiletGrade toiletGrade,
        String openingHours,
        Boolean barrierFree,
        String operator,
        double lonWgs84,
        double latWgs84,
        FacilitySource source) {

    public FacilityAttributes {
        if (type == null) {
            throw new IllegalArgumentException("facility type is required; expected one of " + FacilityType.codes());
        }
        if (status == null) {
            throw new IllegalArgumentException("facility status is required; expected one of " + FacilityStatus.codes());
        }
        if (!Double.isFinite(lonWgs84) || lonWgs84 < -180 || lonWgs84 > 180) {
            throw new IllegalArgumentException("longitude " + lonWgs84 + " out of range [-180, 180]");
        }
        if (!Double.isFinite(latWgs84) || latWgs84 < -90 || latWgs84 > 90) {
            throw new IllegalArgumentException("latitude " + latWgs84 + " out of range [-90, 90]");
        }
        if (capacity != null && (!Double.isFinite(capacity) || capacity < 0)) {
            throw new IllegalArgumentException("capacity " + capacity + " must be a non-negative number");
        }
        if (source == null) {
            source = FacilitySource.manual();
        }
        name = trimToNull(name, "name", 500);
        address = trimToNull(address, "address", 1000);
        district = trimToNull(district, "district", 200);
        openingHours = trimToNull(openingHours, "opening hours", 500);
        operator = trimToNull(operator, "operator", 500);
    }

    /** Size class for stations (from capacity in t/d); empty for other types. */
    public Optional<SizeClass> sizeClass() {
        return SizeClass.of(type, capacity);
    }

    /**
     * This record as it updates {@code stored}, the facility of the same source key: the fields it leaves
     * empty keep their stored values (a source that states no district or name does not erase the one typed
     * in by hand), and its status counts only when the source states one (else the stored status, with its
     * timeline, stays). Type, position and provenance are always this record's.
     */
    public FacilityAttributes over(FacilityAttributes stored, boolean statusStated) {
        return new FacilityAttributes(type, statusStated ? status : stored.status, keep(name, stored.name),
                keep(address, stored.address), keep(district, stored.district), keep(capacity, stored.capacity),
                keep(toiletGrade, stored.toiletGrade), keep(openingHours, stored.openingHours),
                keep(barrierFree, stored.barrierFree), keep(operator, stored.operator), lonWgs84, latWgs84, source);
    }

    private static <T> T keep(T given, T stored) {
        return given != null ? given : stored;
    }

    /** The same attributes at another position. */
    public FacilityAttributes movedTo(double newLonWgs84, double newLatWgs84) {
        return new FacilityAttributes(type, status, name, address, district, capacity, toiletGrade,
                openingHours, barrierFree, operator, newLonWgs84, newLatWgs84, source);
    }

    /** The same attributes with another status. */
    /** The same facility in another district. */
    public FacilityAttributes withDistrict(String newDistrict) {
        return new FacilityAttributes(type, status, name, address, newDistrict, capacity, toiletGrade,
                openingHours, barrierFree, operator, lonWgs84, latWgs84, source);
    }

    public FacilityAttributes withStatus(FacilityStatus newStatus) {
        return new FacilityAttributes(type, newStatus, name, address, district, capacity, toiletGrade,
                openingHours, barrierFree, operator, lonWgs84, latWgs84, source);
    }

    private static String trimToNull(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > maxLength) {
            throw new IllegalArgumentException(field + " longer than " + maxLength + " characters");
        }
        return trimmed;
    }
}
