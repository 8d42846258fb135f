package org.sanimap.facility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The registry API over HTTP, on the embedded store with the Porto Alegre demo loaded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FacilityApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, true);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void bboxQueryReturnsTheElevenOsmToiletsOfTheDemoAsGeoJson() throws Exception {
        // shared/data/README.md: the shipped Porto Alegre extract has 11 amenity=toilets
        ResponseEntity<String> r = http.getForEntity(
                "/api/facilities?bbox=-51.27,-30.12,-51.13,-29.98&type=public_toilet", String.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/geo+json");
        JsonNode fc = json.readTree(r.getBody());
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("totalCount").asLong()).isEqualTo(11);
        assertThat(fc.path("features")).hasSize(11);
        Set<String> keys = new HashSet<>();
        for (JsonNode f : fc.path("features")) {
            assertThat(f.path("geometry").path("type").asText()).isEqualTo("Point");
            double lon = f.path("geometry").path("coordinates").get(0).asDouble();
            double lat = f.path("geometry").path("coordinates").get(1).asDouble();
            assertThat(lon).isBetween(-51.27, -51.13);
            assertThat(lat).isBetween(-30.12, -29.98);
            assertThat(f.path("properties").path("type").asText()).isEqualTo("public_toilet");
            assertThat(f.path("properties").path("sourceKey").asText()).startsWith("osm:");
            keys.add(f.path("properties").path("sourceKey").asText());
        }
        assertThat(keys).hasSize(11);
    }

    @Test
    void createReadUpdateDeleteWithOptimisticLocking() throws Exception {
        String body = feature(-51.2, -30.03, "{\"type\":\"public_toilet\",\"status\":\"planned\",\"name\":\"<img src=x onerror=alert(1)>\","
                + "\"district\":\"Centro\",\"toiletGrade\":\"II\",\"barrierFree\":true,\"capacity\":6}");
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/facilities", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode f = json.readTree(created.getBody());
        long id = f.path("id").asLong();
        assertThat(f.path("properties").path("name").asText()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(f.path("properties").path("version").asLong()).isEqualTo(1);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/facilities/" + id);

        // a registry edit may move the status one lifecycle step only, like a transition
        assertProblem(send(HttpMethod.PUT, "/api/facilities/" + id, feature(-51.21, -30.04,
                "{\"type\":\"public_toilet\",\"status\":\"in_service\",\"version\":1}")), 400,
                "illegal transition planned -> in_service; from planned a facility may go to site_selected, suspended, cancelled");
        String update = feature(-51.21, -30.04, "{\"type\":\"public_toilet\",\"status\":\"site_selected\",\"name\":\"公厕 1\",\"version\":1}");
        ResponseEntity<String> updated = send(HttpMethod.PUT, "/api/facilities/" + id, update);
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(updated.getBody()).path("properties").path("version").asLong()).isEqualTo(2);
        assertThat(json.readTree(updated.getBody()).path("properties").path("name").asText()).isEqualTo("公厕 1");

        ResponseEntity<String> stale = send(HttpMethod.PUT, "/api/facilities/" + id, update);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(stale.getBody()).path("detail").asText())
                .isEqualTo("facility " + id + " was changed by someone else: you sent version 1 but the stored version is 2;"
                        + " reload it and apply your change again");
        JsonNode stored = json.readTree(http.getForEntity("/api/facilities/" + id, String.class).getBody());
        assertThat(stored.path("properties").path("status").asText()).isEqualTo("site_selected");

        String noVersion = feature(-51.21, -30.04, "{\"type\":\"public_toilet\"}");
        assertThat(send(HttpMethod.PUT, "/api/facilities/" + id, noVersion).getStatusCode())
                .isEqualTo(HttpStatus.PRECONDITION_REQUIRED);

        assertThat(send(HttpMethod.DELETE, "/api/facilities/" + id + "?version=1", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(send(HttpMethod.DELETE, "/api/facilities/" + id + "?version=2", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForEntity("/api/facilities/" + id, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void invalidFeaturesGetExactProblemMessages() throws Exception {
        assertProblem(send(HttpMethod.POST, "/api/facilities", feature(-51.2, 95.2, "{\"type\":\"public_toilet\"}")),
                400, "latitude 95.2 out of range [-90, 90]");
        assertProblem(send(HttpMethod.POST, "/api/facilities", feature(-51.2, -30, "{\"type\":\"toliet\"}")),
                400, "unknown facility type 'toliet'; expected one of public_toilet, mobile_toilet, collection_point, "
                        + "collection_station, transfer_station");
        assertProblem(send(HttpMethod.POST, "/api/facilities", feature(-51.2, -30, "{\"type\":\"public_toilet\",\"status\":\"open\"}")),
                400, "unknown facility status 'open'; expected one of planned, site_selected, approved, under_construction, "
                        + "completed, in_service, suspended, cancelled, decommissioned");
        assertProblem(send(HttpMethod.POST, "/api/facilities", "{\"type\":\"Feature\",\"geometry\":"),
                400, null);
        assertProblem(send(HttpMethod.POST, "/api/facilities",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]},\"properties\":{\"type\":\"public_toilet\"}}"),
                400, "geometry type 'LineString' is not supported; a facility is a Point");
        assertProblem(send(HttpMethod.POST, "/api/facilities", feature(1, 1, "{\"type\":\"public_toilet\",\"nmae\":\"x\"}")),
                400, null);
        assertProblem(http.getForEntity("/api/facilities?bbox=1,2,3", String.class), 400,
                "bbox '1,2,3' must be minLon,minLat,maxLon,maxLat");
        assertProblem(http.getForEntity("/api/facilities?type=castle", String.class), 400,
                "unknown facility type 'castle'; expected one of public_toilet, mobile_toilet, collection_point, "
                        + "collection_station, transfer_station");
        assertProblem(http.getForEntity("/api/facilities/999999", String.class), 404, "facility 999999 not found");
    }

    @Test
    void filtersNarrowTheResult() throws Exception {
        // the demo extract holds only toilets; add one collection point and one planned mobile toilet
        long point = json.readTree(send(HttpMethod.POST, "/api/facilities", feature(-51.15, -30.0,
                "{\"type\":\"collection_point\",\"district\":\"Norte\"}")).getBody()).path("id").asLong();
        long mobile = json.readTree(send(HttpMethod.POST, "/api/facilities", feature(-51.16, -30.01,
                "{\"type\":\"mobile_toilet\",\"status\":\"planned\",\"district\":\"Norte\"}")).getBody()).path("id").asLong();
        try {
            assertThat(count("/api/facilities")).isEqualTo(count("/api/facilities?type=public_toilet") + 2);
            assertThat(count("/api/facilities?type=collection_point,mobile_toilet")).isEqualTo(2);
            assertThat(count("/api/facilities?type=collection_point&type=mobile_toilet")).isEqualTo(2);
            assertThat(count("/api/facilities?status=planned")).isEqualTo(1);
            assertThat(count("/api/facilities?district=Norte&status=in_service")).isEqualTo(1);
            assertThat(count("/api/facilities?status=decommissioned")).isZero();
            assertThat(json.readTree(http.getForEntity("/api/facilities/districts", String.class).getBody()).toString())
                    .contains("Norte");
            long all = count("/api/facilities");
            JsonNode page = json.readTree(http.getForEntity("/api/facilities?size=2&page=1", String.class).getBody());
            assertThat(page.path("features")).hasSize(2);
            assertThat(page.path("totalCount").asLong()).isEqualTo(all);
        } finally {
            send(HttpMethod.DELETE, "/api/facilities/" + point + "?version=1", null);
            send(HttpMethod.DELETE, "/api/facilities/" + mobile + "?version=1", null);
        }
    }

    private long count(String url) throws Exception {
        return json.readTree(http.getForEntity(url, String.class).getBody()).path("totalCount").asLong();
    }

    @Test
    void openApiHealthAndExtentAnswer() throws Exception {
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(docs.getBody()).path("paths").has("/api/facilities")).isTrue();
        assertThat(json.readTree(docs.getBody()).path("paths").has("/api/imports")).isTrue();
        // the coverage parameters, asOf among them, are documented on the trend too
        JsonNode trend = json.readTree(docs.getBody()).path("paths").path("/api/coverage/trend").path("get");
        java.util.List<String> names = new java.util.ArrayList<>();
        trend.path("parameters").forEach(p -> names.add(p.path("name").asText()));
        assertThat(names).contains("type", "radiusMeters", "asOf", "from", "to", "step");
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(http.getForEntity("/actuator/health", String.class).getBody()).path("status").asText())
                .isEqualTo("UP");
        JsonNode extent = json.readTree(http.getForEntity("/api/facilities/extent", String.class).getBody());
        // the demo extract's bounding box, shared/data/README.md
        assertThat(extent.path("minLon").asDouble()).isGreaterThanOrEqualTo(-51.2664);
        assertThat(extent.path("maxLon").asDouble()).isLessThanOrEqualTo(-51.1322);
        assertThat(extent.path("minLat").asDouble()).isGreaterThanOrEqualTo(-30.1133);
        assertThat(extent.path("maxLat").asDouble()).isLessThanOrEqualTo(-29.9876);
    }

    private void assertProblem(ResponseEntity<String> r, int status, String detail) throws Exception {
        assertThat(r.getStatusCode().value()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode p = json.readTree(r.getBody());
        assertThat(p.path("status").asInt()).isEqualTo(status);
        if (detail != null) {
            assertThat(p.path("detail").asText()).isEqualTo(detail);
        } else {
            assertThat(p.path("detail").asText()).isNotBlank();
        }
    }

    private ResponseEntity<String> send(HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(org.sanimap.testing.TestUsers.ADMIN, org.sanimap.testing.TestUsers.ADMIN_PASSWORD).exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }

    static String feature(double lon, double lat, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]},"
                + "\"properties\":" + properties + "}";
    }
}
