package org.sanimap.facility;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class H2gisFacilityRepositoryTest extends FacilityRepositoryContract {

    @Override
    String expectedVendor() {
        return "h2gis";
    }

    @org.springframework.test.context.DynamicPropertySource
    static void store(org.springframework.test.context.DynamicPropertyRegistry registry) {
        org.sanimap.store.H2gisTestStore.register(registry);
    }
}
