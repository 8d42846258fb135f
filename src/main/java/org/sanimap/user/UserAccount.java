package org.sanimap.user;

import java.time.Instant;

/**
 * A user as the API shows it (never with the password hash).
 *
 * @param id        store identifier
 * @param userName  the sign-in name, recorded as "who" in histories
 * @param role      what the user may do
 * @param enabled   whether the user may sign in
 * @param createdAt when the account was created
 */
public record UserAccount(long id, String userName, Role role, boolean enabled, Instant createdAt) {
}
