package org.sanimap.siting;

import org.sanimap.store.RequiresPostgis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgis
@ActiveProfiles("postgis")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PostgisSitingRunStoreTest extends SitingRunStoreContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        org.sanimap.store.PostgisTestStore.register(registry);
    }
}
