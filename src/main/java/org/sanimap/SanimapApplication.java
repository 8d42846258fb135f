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

    /** What {@code --help} prints: the server and the two batch commands. */
    static final String USAGE = String.join("\n",
            "usage: java -jar sanimap.jar [--sanimap.data-dir=DIR] [--server.port=N] [--spring.profiles.active=postgis] ...",
            "         starts the web application (map at http://localhost:8080); see README.md for every setting",
            "   or: java -jar sanimap.jar coverage --help    coverage of a facilities file over a demand file, no server",
            "   or: java -jar sanimap.jar site --help        siting (LSCP, MCLP, OR-Library set covering), no server");

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
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            System.out.println(USAGE);
            System.exit(0);
        }
        SpringApplication.run(SanimapApplication.class, args);
    }
}
