package org.sanimap.facility;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Lifecycle status of a facility. Which changes are allowed is decided by construction progress
 * tracking ({@code org.sanimap.progress.Lifecycle}); the registry itself stores any status.
 */
public enum FacilityStatus {
    PLANNED,
    SITE_SELECTED,
    APPROVED,
    UNDER_CONSTRUCTION,
    COMPLETED,
    IN_SERVICE,
    SUSPENDED,
    CANCELLED,
    DECOMMISSIONED;

    /** The code used in the API, files and the database, e.g. {@code under_construction}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire code.
     *
     * @throws IllegalArgumentException with a message naming the bad value and the accepted ones
     */
    public static FacilityStatus fromCode(String code) {
        if (code != null) {
            String normalized = code.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (FacilityStatus status : values()) {
                if (status.code().equals(normalized)) {
                    return status;
                }
            }
        }
        throw new IllegalArgumentException("unknown facility status '" + code + "'; expected one of " + codes());
    }

    /** All codes, comma separated, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(FacilityStatus::code).collect(Collectors.joining(", "));
    }
}
