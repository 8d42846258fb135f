package org.sanimap.user;

/**
 * The configured first-admin password ({@code SANIMAP_ADMIN_PASSWORD}) breaks the password rules, so the
 * first start cannot create the admin; the start stops with {@link AdminPasswordFailureAnalyzer}'s
 * description instead of a stack trace.
 */
class AdminPasswordRejectedException extends RuntimeException {

    AdminPasswordRejectedException(String reason) {
        super("SANIMAP_ADMIN_PASSWORD (sanimap.security.admin-password) is not accepted: " + reason);
    }
}
