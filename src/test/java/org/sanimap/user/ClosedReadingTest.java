package org.sanimap.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With sanimap.security.public-read=false, reading needs a signed-in user too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sanimap.security.public-read=false")
class ClosedReadingTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void anonymousVisitorsAreAskedToSignIn() {
        assertThat(http.getForEntity("/api/facilities", String.class).getStatusCode().value()).isEqualTo(401);
        // the map page redirects to the sign-in page (followed by the client)
        ResponseEntity<String> page = http.getForEntity("/", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("id=\"login-form\"").doesNotContain("id=\"map\"");
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).getForEntity("/api/facilities", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }
}
