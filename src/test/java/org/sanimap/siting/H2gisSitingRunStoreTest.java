package org.sanimap.siting;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class H2gisSitingRunStoreTest extends SitingRunStoreContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        org.sanimap.store.H2gisTestStore.register(registry);
    }
}
