package org.sanimap.progress;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is changing facilities on this thread, and whether the status timeline is written by the
 * progress service itself: set around calls into the registry so that the history records the
 * right user and note.
 */
final class ChangeContext {

    /** Name recorded when neither a caller nor a signed-in user is known (start-up jobs). */
    static final String SYSTEM = "system";

    /**
     * @param userName        who
     * @param note            note for the history rows, may be null
     * @param effectiveOn     the date a status change takes effect, null for today
     * @param timelineHandled true when the caller writes the timeline entry itself
     */
    record Scope(String userName, String note, LocalDate effectiveOn, boolean timelineHandled) {
    }

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private ChangeContext() {
    }

    static <T> T with(Scope scope, Supplier<T> work) {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static Optional<Scope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The user of the scope, else the signed-in user, else {@link #SYSTEM}. */
    static String userName() {
        Scope scope = CURRENT.get();
        if (scope != null && scope.userName() != null) {
            return scope.userName();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return auth.getName();
        }
        return SYSTEM;
    }
}
