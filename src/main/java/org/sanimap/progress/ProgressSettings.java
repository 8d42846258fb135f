package org.sanimap.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Construction progress settings under {@code sanimap.progress}.
 *
 * @param maxPhotoSizeBytes      largest photo accepted on a transition, in bytes (default 10 MiB)
 * @param maxPhotosPerTransition most photos one transition may carry (default 10)
 */
@ConfigurationProperties("sanimap.progress")
public record ProgressSettings(@DefaultValue("10485760") long maxPhotoSizeBytes,
        @DefaultValue("10") int maxPhotosPerTransition) {
}
