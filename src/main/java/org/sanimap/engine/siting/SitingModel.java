package org.sanimap.engine.siting;

import java.util.Locale;

/** The siting models. */
public enum SitingModel {
    /**
     * Location set covering (Toregas, Swain, ReVelle and Bergman 1971): the fewest new sites so that
     * all demand (or a target share of it) is within the radius.
     */
    LSCP,
    /** Maximal covering location (Church and ReVelle 1974): p new sites covering the most demand. */
    MCLP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the bad value and the accepted ones */
    public static SitingModel fromCode(String code) {
        for (SitingModel m : values()) {
            if (m.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown siting model '" + code + "'; expected lscp or mclp");
    }
}
