package org.sanimap.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title and description of the OpenAPI document at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI sanimapOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Sanimap API")
                .version("0.1")
                .description("Registry of urban sanitation facilities (public toilets, mobile toilets, collection points, "
                        + "collection stations, transfer stations) as GeoJSON in WGS84 (EPSG:4326). Errors are RFC 9457 "
                        + "application/problem+json.")
                .license(new License().name("Data: OSM ODbL 1.0 where imported from OpenStreetMap")));
    }
}
