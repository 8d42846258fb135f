package org.sanimap.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.Haversine;
import org.sanimap.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo city's toilets: what each serves, and what only it serves, against brute force over its hexagons. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatchmentsApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, true);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void eachToiletsCatchmentAndWhatOnlyItServesMatchBruteForce() throws Exception {
        JsonNode catchments = TestApi.get(http, json, "/api/coverage/catchments?type=public_toilet&radiusMeters=300");

        Map<Long, double[]> toilets = new HashMap<>();
        for (JsonNode f : TestApi.get(http, json, "/api/facilities?type=public_toilet&status=in_service&size=1000").path("features")) {
            toilets.put(f.path("id").asLong(), new double[] {f.path("geometry").path("coordinates").get(0).asDouble(),
                f.path("geometry").path("coordinates").get(1).asDouble()});
        }
        Map<Long, Double> within = new HashMap<>();
        Map<Long, Double> only = new HashMap<>();
        for (JsonNode c : TestApi.get(http, json, "/api/demand").path("features")) {
            double lon = c.path("geometry").path("coordinates").get(0).asDouble();
            double lat = c.path("geometry").path("coordinates").get(1).asDouble();
            double people = c.path("properties").path("population").asDouble();
            List<Long> reaching = new ArrayList<>();
            toilets.forEach((id, t) -> {
                if (Haversine.meters(lon, lat, t[0], t[1]) <= 300) {
                    reaching.add(id);
                }
            });
            reaching.forEach(id -> within.merge(id, people, Double::sum));
            if (reaching.size() == 1) {
                only.merge(reaching.get(0), people, Double::sum);
            }
        }
        assertThat(catchments.size()).isEqualTo(toilets.size()).isEqualTo(11);
        double sumOnly = 0;
        for (JsonNode c : catchments) {
            long id = c.path("facilityId").asLong();
            assertThat(c.path("residentsWithin").asDouble()).as("toilet %d", id).isEqualTo(within.getOrDefault(id, 0.0));
            assertThat(c.path("residentsOnlyHere").asDouble()).as("toilet %d", id).isEqualTo(only.getOrDefault(id, 0.0));
            sumOnly += c.path("residentsOnlyHere").asDouble();
        }
        // the covered population splits into what one toilet alone serves and what two or more share
        double covered = TestApi.get(http, json, "/api/coverage?type=public_toilet&radiusMeters=300").path("coveredPopulation").asDouble();
        assertThat(sumOnly).isPositive().isLessThanOrEqualTo(covered);

        // the table: one row per toilet, the one whose closing would uncover most first
        long first = 0;
        double most = -1;
        for (Map.Entry<Long, double[]> t : toilets.entrySet()) {
            double o = only.getOrDefault(t.getKey(), 0.0);
            if (o > most) {
                most = o;
                first = t.getKey();
            }
        }
        String[] csv = http.getForObject("/api/coverage/catchments.csv?type=public_toilet&radiusMeters=300", String.class)
                .replace("\uFEFF", "").split("\r?\n");
        assertThat(csv).hasSize(12);
        assertThat(csv[0]).startsWith("编号 id,名称 name,类型 type");
        assertThat(csv[1]).startsWith(first + ",").contains("," + Math.round(most) + ",");
    }
}
