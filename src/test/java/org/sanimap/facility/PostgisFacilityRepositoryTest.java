package org.sanimap.facility;

import org.sanimap.store.RequiresPostgis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@RequiresPostgis
@ActiveProfiles("postgis")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PostgisFacilityRepositoryTest extends FacilityRepositoryContract {

    @Override
    String expectedVendor() {
        return "postgis";
    }

    @org.springframework.test.context.DynamicPropertySource
    static void store(org.springframework.test.context.DynamicPropertyRegistry registry) {
        org.sanimap.store.PostgisTestStore.register(registry);
    }
}
