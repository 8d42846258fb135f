package org.sanimap.facility;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Kind of sanitation facility, with its stable wire code (e.g. {@code public_toilet}). */
public enum FacilityType {
    PUBLIC_TOILET,
    MOBILE_TOILET,
    COLLECTION_POINT,
    COLLECTION_STATION,
    TRANSFER_STATION;

    /** The code used in the API, files and the database, e.g. {@code collection_point}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for stations whose capacity is in tonnes per day. */
    public boolean capacityInTonnesPerDay() {
        return this == COLLECTION_STATION || this == TRANSFER_STATION;
    }

    /**
     * Parses a wire code.
     *
     * @throws IllegalArgumentException with a message naming the bad value and the accepted ones
     */
    public static FacilityType fromCode(String code) {
        if (code != null) {
            String normalized = code.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (FacilityType type : values()) {
                if (type.code().equals(normalized)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("unknown facility type '" + code + "'; expected one of " + codes());
    }

    /** All codes, comma separated, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(FacilityType::code).collect(Collectors.joining(", "));
    }
}
