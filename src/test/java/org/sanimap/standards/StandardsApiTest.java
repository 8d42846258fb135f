package org.sanimap.standards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StandardsApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, true);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void coverageWithoutARadiusUsesTheActiveStandardUntilItIsDeactivated() throws Exception {
        JsonNode report = json.readTree(http.getForEntity("/api/coverage?type=public_toilet", String.class).getBody());
        assertThat(report.path("radiusMeters").asDouble()).isEqualTo(300.0);
        assertThat(report.path("standard").path("code").asText()).isEqualTo("gb55013-toilet-radius");
        assertThat(report.path("standard").path("source").asText()).isEqualTo("GB 55013-2021 5.0.1");
        JsonNode explicit = json.readTree(http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=300", String.class)
                .getBody());
        assertThat(explicit.path("coveredPopulation").asDouble()).isEqualTo(report.path("coveredPopulation").asDouble());
        assertThat(explicit.path("standard").isNull()).isTrue();

        JsonNode rule = json.readTree(http.getForEntity("/api/standards?type=public_toilet&kind=radius&active=true", String.class)
                .getBody()).get(0);
        String body = rule.toString().replace("\"active\":true", "\"active\":false");
        ResponseEntity<String> off = send(HttpMethod.PUT, "/api/standards/" + rule.path("id").asLong(), body);
        assertThat(off.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(off.getBody()).path("version").asLong()).isEqualTo(rule.path("version").asLong() + 1);
        assertThat(send(HttpMethod.PUT, "/api/standards/" + rule.path("id").asLong(), body).getStatusCode().value()).isEqualTo(409);

        ResponseEntity<String> none = http.getForEntity("/api/coverage?type=public_toilet", String.class);
        assertThat(none.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(none.getBody()).path("detail").asText()).isEqualTo("no radiusMeters given and no active "
                + "radius rule for public_toilet in the standards catalogue; give radiusMeters or activate one");
        String on = json.readTree(off.getBody()).toString().replace("\"active\":false", "\"active\":true");
        assertThat(send(HttpMethod.PUT, "/api/standards/" + rule.path("id").asLong(), on).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void activeDensityAndSpacingRulesAreCheckedInTheReport() throws Exception {
        JsonNode all = json.readTree(http.getForEntity("/api/standards?type=public_toilet", String.class).getBody());
        JsonNode density = null;
        for (JsonNode r : all) {
            if (r.path("code").asText().equals("gbt50337-toilet-density-r")) {
                density = r;
            }
        }
        String on = density.toString().replace("\"active\":false", "\"active\":true");
        assertThat(send(HttpMethod.PUT, "/api/standards/" + density.path("id").asLong(), on).getStatusCode().value()).isEqualTo(200);
        try {
            JsonNode report = json.readTree(http.getForEntity("/api/coverage?type=public_toilet", String.class).getBody());
            JsonNode d = report.path("density").get(0);
            assertThat(d.path("facilities").asInt()).isEqualTo(11);
            assertThat(d.path("perKm2").asDouble()).isCloseTo(11 / d.path("areaKm2").asDouble(),
                    org.assertj.core.api.Assertions.within(1e-9));
            JsonNode check = report.path("ruleChecks").get(0);
            assertThat(check.path("code").asText()).isEqualTo("gbt50337-toilet-density-r");
            assertThat(check.path("checked").asInt()).isEqualTo(1);
            // 11 toilets over the whole demo city are far below 3 per km2
            assertThat(check.path("outside").asInt()).isEqualTo(d.path("perKm2").asDouble() < 3 ? 1 : 0);
            assertThat(report.path("spacing").path("facilities").asInt()).isEqualTo(11);
            assertThat(report.path("spacing").path("minMeters").asDouble()).isPositive();
        } finally {
            JsonNode now = json.readTree(http.getForEntity("/api/standards/" + density.path("id").asLong(), String.class).getBody());
            send(HttpMethod.PUT, "/api/standards/" + density.path("id").asLong(),
                    now.toString().replace("\"active\":true", "\"active\":false"));
        }
    }

    @Test
    void rulesAreAddedAndValidated() throws Exception {
        String rule = "{\"code\":\"fz-toilet-radius-old-town\",\"facilityType\":\"public_toilet\",\"kind\":\"radius\","
                + "\"areaClass\":\"old_town\",\"maxValue\":200,\"source\":\"福州市公厕专项规划 2021\",\"confidence\":\"L\",\"active\":false}";
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/standards", rule);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(created.getBody()).path("unit").asText()).isEqualTo("m");
        assertThat(send(HttpMethod.POST, "/api/standards", rule).getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> bad = send(HttpMethod.POST, "/api/standards", rule.replace("\"maxValue\":200", "\"minValue\":300,\"maxValue\":200")
                .replace("old-town", "x"));
        assertThat(json.readTree(bad.getBody()).path("detail").asText()).isEqualTo("minimum 300.0 is greater than maximum 200.0");
        ResponseEntity<String> kind = send(HttpMethod.POST, "/api/standards", rule.replace("\"radius\"", "\"distance\"").replace("old-town", "y"));
        assertThat(json.readTree(kind.getBody()).path("detail").asText()).startsWith("unknown rule kind 'distance'");
    }

    private ResponseEntity<String> send(HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(org.sanimap.testing.TestUsers.ADMIN, org.sanimap.testing.TestUsers.ADMIN_PASSWORD).exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }
}
