package org.sanimap.siting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Siting settings under {@code sanimap.siting}.
 *
 * @param keptRuns how many of the latest stored runs are kept (default 1,000); older runs are deleted when a
 *                 run ends, except those with an accepted proposal (a project's facilities came from them) and
 *                 those not yet ended
 */
@ConfigurationProperties("sanimap.siting")
public record SitingSettings(@DefaultValue("1000") int keptRuns) {

    public SitingSettings {
        if (keptRuns < 1) {
            throw new IllegalArgumentException("sanimap.siting.kept-runs must be at least 1, got " + keptRuns);
        }
    }
}
