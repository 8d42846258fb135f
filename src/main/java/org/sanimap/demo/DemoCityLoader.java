package org.sanimap.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sanimap.config.SanimapProperties;
import org.sanimap.demand.DemandService;
import org.sanimap.facility.FacilityService;
import org.sanimap.importing.ImportFormat;
import org.sanimap.importing.ImportReport;
import org.sanimap.importing.ImportRequest;
import org.sanimap.importing.ImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On the first start on an empty store (no facility, no demand layer), loads the Porto Alegre demo:
 * facilities from {@code data/demo/porto-alegre/poa_osm.pbf} and population from
 * {@code poa_hexgrid.csv}, through the same importer users have.
 */
@Component
class DemoCityLoader implements ApplicationRunner {

    static final String DEMO_DIR = "data/demo/porto-alegre/";
    static final String DEMAND_LAYER = "poa_hexgrid";

    private static final Logger log = LoggerFactory.getLogger(DemoCityLoader.class);

    private final SanimapProperties properties;
    private final FacilityService facilities;
    private final DemandService demand;
    private final ImportService imports;

    DemoCityLoader(SanimapProperties properties, FacilityService facilities, DemandService demand, ImportService imports) {
        this.properties = properties;
        this.facilities = facilities;
        this.demand = demand;
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demo().loadOnEmptyStore() || facilities.count() > 0 || !demand.layers().isEmpty()) {
            return;
        }
        ImportReport osm = importResource("poa_osm.pbf",
                (file, name) -> ImportRequest.facilities(file, name, ImportFormat.OSM_PBF));
        ImportReport hex = importResource("poa_hexgrid.csv",
                (file, name) -> ImportRequest.demand(file, name, ImportFormat.CSV, DEMAND_LAYER));
        log.info("Loaded the Porto Alegre demo: {} facilities, {} demand cells", osm.created(), hex.created());
    }

    private ImportReport importResource(String name, RequestFactory factory) throws IOException {
        Path temp = Files.createTempFile("sanimap-demo-", "-" + name);
        try (InputStream in = new ClassPathResource(DEMO_DIR + name).getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            return imports.importFile(factory.create(temp, name));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @FunctionalInterface
    private interface RequestFactory {
        ImportRequest create(Path file, String name);
    }
}
