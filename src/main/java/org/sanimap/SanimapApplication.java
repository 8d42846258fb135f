package org.sanimap;

import org.sanimap.cli.CoverageCommand;
import org.sanimap.cli.SiteCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Sanimap web application (registry, API and map). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SanimapApplication {

    /**
     * Starts the web application, or runs a batch command when the first argument names one
     * ({@code coverage}, {@code site}), with no server and no database.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("coverage")) {
            System.exit(CoverageCommand.run(java.util.List.of(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("site")) {
            System.exit(SiteCommand.run(java.util.List.of(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(SanimapApplication.class, args);
    }
}
