package org.sanimap.standards;

import org.sanimap.store.PostgisTestStore;
import org.sanimap.store.RequiresPostgis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgis
@ActiveProfiles("postgis")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PostgisStandardsStoreTest extends StandardsStoreContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        PostgisTestStore.register(registry);
    }
}
