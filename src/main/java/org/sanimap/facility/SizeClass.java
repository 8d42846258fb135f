package org.sanimap.facility;

import java.util.Locale;
import java.util.Optional;

/**
 * Size class of a station, derived from its capacity in tonnes per day: small below 150 t/d,
 * medium from 150 to 450 t/d inclusive, large above 450 t/d.
 */
public enum SizeClass {
    SMALL,
    MEDIUM,
    LARGE;

    /** Lower bound of the medium class, tonnes per day (inclusive). */
    public static final double MEDIUM_FROM_TONNES_PER_DAY = 150.0;
    /** Upper bound of the medium class, tonnes per day (inclusive). */
    public static final double MEDIUM_TO_TONNES_PER_DAY = 450.0;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The size class of a station, or empty when it is not a station or has no capacity. */
    public static Optional<SizeClass> of(FacilityType type, Double capacity) {
        if (type == null || !type.capacityInTonnesPerDay() || capacity == null) {
            return Optional.empty();
        }
        if (capacity < MEDIUM_FROM_TONNES_PER_DAY) {
            return Optional.of(SMALL);
        }
        return Optional.of(capacity <= MEDIUM_TO_TONNES_PER_DAY ? MEDIUM : LARGE);
    }
}
