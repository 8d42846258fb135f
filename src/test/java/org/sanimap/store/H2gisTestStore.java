package org.sanimap.store;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at a fresh embedded H2GIS store (its own data directory), demo off. */
public final class H2gisTestStore {

    private H2gisTestStore() {
    }

    /** Call from a {@code @DynamicPropertySource} method. */
    public static void register(DynamicPropertyRegistry registry) {
        register(registry, false);
    }

    /** Same, choosing whether the demo city is loaded on start. */
    public static void register(DynamicPropertyRegistry registry, boolean loadDemo) {
        Path dataDir = Path.of("target", "test-stores", "h2gis-" + UUID.randomUUID()).toAbsolutePath();
        registry.add("sanimap.data-dir", dataDir::toString);
        registry.add("sanimap.demo.load-on-empty-store", () -> Boolean.toString(loadDemo));
        registry.add("sanimap.security.admin-password", () -> org.sanimap.testing.TestUsers.ADMIN_PASSWORD);
    }
}
