package org.sanimap.siting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestApi;
import org.sanimap.testing.TestUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * New sites kept apart: three cells on the equator at 0, 200 and 400 m (15, 40 and 30 residents), a 90 m
 * radius, so each site serves one cell from within 90 m of it. Two sites for B and C can be at most
 * 380 m apart (as for A and B), for A and C up to 580 m: at a 450 m minimum spacing only A and C can both
 * have one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SitingSpacingApiTest {

    /** Degrees of longitude on the equator per metre, on the mean-radius sphere. */
    private static final double DEGREES_PER_METER = 180 / (Math.PI * 6_371_008.8);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, false);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void sitesCloserThanTheMinimumSpacingAreNotBothProposed() throws Exception {
        TestUploads.importFile(http, json, "row.csv", String.format(Locale.ROOT,
                "id,lon,lat,population\na,0,0,15\nb,%.9f,0,40\nc,%.9f,0,30\n", 200 * DEGREES_PER_METER, 400 * DEGREES_PER_METER),
                "target=demand");
        String run = "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":2,\"radiusMeters\":90,\"timeLimitSeconds\":10,"
                + "\"candidates\":{\"source\":\"grid\",\"spacingMeters\":25}";

        JsonNode free = TestApi.post(http, json, "/api/siting?wait=true", run + "}").path("result");
        assertThat(free.path("objective").asDouble()).isEqualTo(70);
        JsonNode apart = TestApi.post(http, json, "/api/siting?wait=true", run + ",\"minSpacingMeters\":450}").path("result");
        assertThat(apart.path("objective").asDouble()).as(apart.toString()).isEqualTo(45);
        assertThat(apart.path("status").asText()).isEqualTo("optimal");
        assertThat(apart.path("minSpacingMeters").asDouble()).isEqualTo(450);
        JsonNode first = apart.path("proposals").get(0);
        JsonNode second = apart.path("proposals").get(1);
        double meters = Math.abs(first.path("lonWgs84").asDouble() - second.path("lonWgs84").asDouble()) / DEGREES_PER_METER;
        assertThat(meters).isGreaterThanOrEqualTo(450);

        // the spacing holds from the toilets kept too: one at -300 m (reaching nobody) bars every site for A (all
        // within 390 m of it), so the best left is B's alone (C's sites are within 380 m of B's)
        TestUploads.importFile(http, json, "kept.csv", String.format(Locale.ROOT, "id,type,lon,lat\nt1,public_toilet,%.9f,0\n",
                -300 * DEGREES_PER_METER), null);
        JsonNode kept = TestApi.post(http, json, "/api/siting?wait=true", run + ",\"minSpacingMeters\":450}").path("result");
        assertThat(kept.path("objective").asDouble()).as(kept.toString()).isEqualTo(40);
        assertThat(kept.path("existingFacilities").asInt()).isEqualTo(1);
        for (JsonNode site : kept.path("proposals")) {
            assertThat((site.path("lonWgs84").asDouble() + 300 * DEGREES_PER_METER) / DEGREES_PER_METER).isGreaterThanOrEqualTo(450);
        }

        ResponseEntity<String> lscp = TestApi.postAsAdmin(http, "/api/siting?wait=true", "{\"type\":\"public_toilet\","
                + "\"model\":\"lscp\",\"radiusMeters\":90,\"minSpacingMeters\":450}");
        assertThat(lscp.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(lscp.getBody()).path("detail").asText()).isEqualTo("minSpacingMeters applies to mclp (p new sites) only");
    }
}
