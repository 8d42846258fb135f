package org.sanimap.standards;

import java.util.Locale;

/** What a standard rule limits, with the unit of its values. */
public enum RuleKind {
    /** Largest distance from a resident to the nearest facility, metres. */
    RADIUS("m"),
    /** Distance between neighbouring facilities, metres. */
    SPACING("m"),
    /** Facilities per square kilometre. */
    DENSITY_KM2("per_km2"),
    /** People served per facility. */
    DENSITY_POPULATION("people_per_facility");

    private final String unit;

    RuleKind(String unit) {
        this.unit = unit;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String unit() {
        return unit;
    }

    /** @throws IllegalArgumentException naming the bad value and the accepted ones */
    public static RuleKind fromCode(String code) {
        for (RuleKind k : values()) {
            if (k.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown rule kind '" + code + "'; expected one of radius, spacing, density_km2, "
                + "density_population");
    }
}
