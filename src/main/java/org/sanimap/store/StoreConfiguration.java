package org.sanimap.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link SpatialSql} dialect from the database actually connected: H2 (embedded
 * H2GIS file, the default) or PostgreSQL with PostGIS (profile {@code postgis}).
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    SpatialSql spatialSql(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return new H2gisSpatialSql();
            }
            if (product.contains("postgres")) {
                return new PostgisSpatialSql();
            }
            throw new IllegalStateException("unsupported database '" + product + "'; use the embedded H2GIS store or PostGIS");
        }
    }
}
