package org.sanimap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Sanimap web application (registry, API and map). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SanimapApplication {

    public static void main(String[] args) {
        SpringApplication.run(SanimapApplication.class, args);
    }
}
