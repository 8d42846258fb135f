package org.sanimap.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user may do. Each role includes the ones before it: a planner may do what a manager may,
 * and an admin everything.
 */
public enum Role {
    /** Reads the registry, projects, dashboards and history. */
    VIEWER,
    /** Also records construction progress: transitions, progress percent, ledger imports. */
    MANAGER,
    /** Also creates projects and planned facilities, edits the registry and the standards, runs siting. */
    PLANNER,
    /** Also manages users. */
    ADMIN;

    /** The code used in the API and the database, e.g. {@code manager}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a code.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static Role fromCode(String code) {
        if (code != null) {
            String normalized = code.trim().toLowerCase(Locale.ROOT);
            for (Role role : values()) {
                if (role.code().equals(normalized)) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("unknown role '" + code + "'; expected one of " + codes());
    }

    /** All codes, comma separated, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
    }
}
