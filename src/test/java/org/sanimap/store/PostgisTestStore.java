package org.sanimap.store;

import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context (profile {@code postgis}, class marked {@link RequiresPostgis}) at the
 * PostGIS test database, through postgis-jdbc's driver wrapper as in production.
 */
public final class PostgisTestStore {

    private PostgisTestStore() {
    }

    /** Call from a {@code @DynamicPropertySource} method. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> {
            try {
                return PostgisTestDatabase.jdbcUrl().replace("jdbc:postgresql:", "jdbc:postgresql_postGIS:");
            } catch (SQLException e) {
                throw new IllegalStateException("PostGIS test database unavailable: " + e.getMessage(), e);
            }
        });
        registry.add("spring.datasource.username", PostgisTestDatabase::user);
        registry.add("spring.datasource.password", PostgisTestDatabase::password);
        registry.add("sanimap.demo.load-on-empty-store", () -> "false");
        registry.add("sanimap.security.admin-password", () -> org.sanimap.testing.TestUsers.ADMIN_PASSWORD);
    }
}
