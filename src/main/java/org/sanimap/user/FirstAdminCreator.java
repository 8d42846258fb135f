package org.sanimap.user;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin (user {@code admin}) when the store has none: with the configured
 * password ({@code SANIMAP_ADMIN_PASSWORD}) or, without one, a random password printed once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdminCreator implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;
    private static final Logger log = LoggerFactory.getLogger(FirstAdminCreator.class);

    private final UserService users;
    private final SecuritySettings settings;

    FirstAdminCreator(UserService users, SecuritySettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.find(ADMIN).isPresent()) {
            return;
        }
        String configured = settings.adminPassword() == null ? "" : settings.adminPassword().strip();
        if (!configured.isEmpty()) {
            try {
                users.create(ADMIN, configured, Role.ADMIN);
            } catch (IllegalArgumentException rejected) {
                throw new AdminPasswordRejectedException(rejected.getMessage());
            }
            log.info("Created the first admin '{}' with the password from SANIMAP_ADMIN_PASSWORD", ADMIN);
            return;
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        users.create(ADMIN, password.toString(), Role.ADMIN);
        // printed once, on the start that created it; it is stored only as a BCrypt hash
        System.out.println("Sanimap: created the first admin. User name: " + ADMIN + "  password: " + password
                + "  (shown only now; set SANIMAP_ADMIN_PASSWORD before the first start to choose it)");
    }
}
