package org.sanimap.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Coverage on a past day counts the facilities as they stood then: a campaign's coverage at its start against
 * today. Three cells about 960 m apart, each with a toilet on it or none, so the covered population on each day
 * follows by hand from which toilets were in service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageOnADayApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, false);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    void cityWithDatedToilets() {
        upload("cells.csv", "id,lon,lat,population\nc1,120.00,30.0,100\nc2,120.01,30.0,200\nc3,120.02,30.0,400\n",
                "target=demand&layer=cells");
        // A in service since 2020, B since June 2024, C being built on c3 since 2025, D on c3 with no date (today on)
        upload("toilets.csv", "id,type,status,lon,lat,status_since\n"
                + "A,public_toilet,in_service,120.00,30.0,2020-01-01\n"
                + "B,public_toilet,in_service,120.01,30.0,2024-06-01\n"
                + "C,public_toilet,under_construction,120.02,30.0,2025-01-01\n"
                + "D,public_toilet,in_service,120.02,30.0,\n", null);
    }

    @Test
    void coveragePerDayCountsTheToiletsInServiceThatDay() throws Exception {
        assertThat(covered("&asOf=2019-12-31")).isEqualTo(0);
        assertThat(covered("&asOf=2022-01-01")).isEqualTo(100);
        assertThat(covered("&asOf=2024-05-31")).isEqualTo(100);
        assertThat(covered("&asOf=2024-06-01")).isEqualTo(100 + 200);
        // once C, under construction then, opens
        assertThat(covered("&asOf=2025-06-01&include=under_construction")).isEqualTo(100 + 200 + 400);
        assertThat(covered("&asOf=2025-06-01")).isEqualTo(100 + 200);
        // D counts from the day it was stored, today
        assertThat(covered("&asOf=" + LocalDate.now().minusDays(1))).isEqualTo(100 + 200);
        assertThat(covered("&asOf=" + LocalDate.now())).isEqualTo(100 + 200 + 400);
        assertThat(covered("")).isEqualTo(100 + 200 + 400);

        JsonNode report = get("/api/coverage?type=public_toilet&radiusMeters=300&asOf=2024-06-01");
        assertThat(report.path("asOf").asText()).isEqualTo("2024-06-01");
        assertThat(report.path("facilityCount").asInt()).isEqualTo(2);
        assertThat(get("/api/coverage?type=public_toilet&radiusMeters=300").path("asOf").isNull()).isTrue();
        // the per-type reports and their downloads take the day too (toilets at the standard's 300 m)
        JsonNode byType = get("/api/coverage/by-type?asOf=2022-01-01");
        JsonNode toilets = null;
        for (JsonNode r : byType) {
            if (r.path("type").asText().equals("public_toilet")) {
                toilets = r;
            }
        }
        assertThat(toilets).isNotNull();
        assertThat(toilets.path("coveredPopulation").asDouble()).isEqualTo(100);
        String csv = new String(http.getForEntity("/api/coverage/report.csv?type=public_toilet&radiusMeters=300&asOf=2022-01-01",
                byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains("(all),3,1,700,100,600,14.29");
        // the printable report says which day it shows
        String html = http.getForEntity("/api/coverage/report.html?type=public_toilet&radiusMeters=300&asOf=2022-01-01",
                String.class).getBody();
        assertThat(html).contains("设施截至 facilities as of").contains("2022-01-01");
    }

    @Test
    void aDayAheadOrNoDayIsRefusedWithTheExactProblem() throws Exception {
        ResponseEntity<String> future = http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=300&asOf=2999-01-01",
                String.class);
        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(future.getBody()).path("detail").asText())
                .isEqualTo("asOf 2999-01-01 is in the future (today is " + LocalDate.now() + ")");
        ResponseEntity<String> bad = http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=300&asOf=spring", String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(bad.getBody()).path("detail").asText()).isEqualTo("asOf 'spring' is not a date (YYYY-MM-DD)");
    }

    private double covered(String query) throws Exception {
        return get("/api/coverage?type=public_toilet&radiusMeters=300" + query).path("coveredPopulation").asDouble();
    }

    private JsonNode get(String url) throws Exception {
        ResponseEntity<String> r = http.getForEntity(url, String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        return json.readTree(r.getBody());
    }

    private void upload(String name, String content, String query) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> r = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity(
                "/api/imports" + (query == null ? "" : "?" + query), new HttpEntity<>(form, headers), String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
    }
}
