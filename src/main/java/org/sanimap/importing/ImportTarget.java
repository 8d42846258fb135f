package org.sanimap.importing;

import java.util.Locale;

/** What an imported file feeds: the facility registry, a demand layer or a district layer. */
public enum ImportTarget {
    FACILITIES,
    DEMAND,
    DISTRICTS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the bad value and the accepted ones */
    public static ImportTarget fromCode(String code) {
        for (ImportTarget t : values()) {
            if (t.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown import target '" + code + "'; expected one of facilities, demand, districts");
    }
}
