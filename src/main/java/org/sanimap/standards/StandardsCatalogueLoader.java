package org.sanimap.standards;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds the standards catalogue from {@code data/standards/standards.csv} on the first start. */
@Component
@Order(0)
class StandardsCatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StandardsCatalogueLoader.class);

    private final StandardsService standards;

    StandardsCatalogueLoader(StandardsService standards) {
        this.standards = standards;
    }

    @Override
    public void run(ApplicationArguments args) {
        int loaded = standards.seedIfEmpty();
        if (loaded > 0) {
            log.info("Loaded the default standards catalogue: {} rules", loaded);
        }
    }
}
