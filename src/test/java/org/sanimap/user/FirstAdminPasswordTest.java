package org.sanimap.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanimap.SanimapApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A first start whose configured admin password is too short stops with a report that names the setting. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminPasswordTest {

    @Test
    void aTooShortAdminPasswordStopsTheFirstStartWithAReportNamingTheSetting(CapturedOutput output) {
        Path dataDir = Path.of("target", "test-stores", "h2gis-" + UUID.randomUUID()).toAbsolutePath();
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(SanimapApplication.class).run(
                "--server.port=0", "--sanimap.data-dir=" + dataDir, "--sanimap.demo.load-on-empty-store=false",
                "--sanimap.security.admin-password=seven77"));

        AdminPasswordRejectedException rejected = findCause(failure);
        assertThat(rejected).isNotNull();
        assertThat(rejected.getMessage()).isEqualTo(
                "SANIMAP_ADMIN_PASSWORD (sanimap.security.admin-password) is not accepted: password must have at least 8 characters");
        // Spring Boot finds the analyzer through META-INF/spring.factories and prints its report, not the stack trace
        String printed = output.getAll();
        assertThat(printed).contains("APPLICATION FAILED TO START", "Description:\n\n" + rejected.getMessage(),
                "Action:\n\nSet SANIMAP_ADMIN_PASSWORD to a password of at least 8 characters");
        assertThat(printed).doesNotContain("at org.sanimap.user.UserService.checkPassword");
    }

    private static AdminPasswordRejectedException findCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AdminPasswordRejectedException a) {
                return a;
            }
        }
        return null;
    }
}
