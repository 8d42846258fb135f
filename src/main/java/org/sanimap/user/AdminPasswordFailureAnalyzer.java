package org.sanimap.user;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a rejected first-admin password into Spring Boot's "APPLICATION FAILED TO START" report: what
 * was wrong and what to set, without a stack trace. Registered in {@code META-INF/spring.factories}.
 */
class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordRejectedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordRejectedException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set SANIMAP_ADMIN_PASSWORD to a password of at least " + UserService.MIN_PASSWORD_LENGTH
                        + " characters, or leave it unset to have a random one generated and printed once.",
                cause);
    }
}
