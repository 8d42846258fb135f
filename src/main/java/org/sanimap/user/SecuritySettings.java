package org.sanimap.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings under {@code sanimap.security}.
 *
 * @param publicRead    whether anonymous visitors may read (the map, GET endpoints); writing always
 *                      needs a signed-in user with the right role
 * @param adminPassword password of the first admin (user {@code admin}) when it is created on first
 *                      start; from {@code SANIMAP_ADMIN_PASSWORD}; when empty a random one is
 *                      generated and printed once
 */
@ConfigurationProperties("sanimap.security")
public record SecuritySettings(@DefaultValue("true") boolean publicRead, @DefaultValue("") String adminPassword) {
}
