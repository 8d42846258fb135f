package org.sanimap.siting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestGeoJson;
import org.sanimap.testing.TestApi;
import org.sanimap.testing.TestUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A campaign's shares per district: four cells far apart (NW 10, NE 20, SW 40, SE 80 residents), 西区 the
 * west half and 东区 the east; no toilet yet, so each new one serves one cell and the best sites follow the
 * residents, within each district's quota.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SitingQuotasApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, false);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void eachDistrictReceivesNoMoreNewSitesThanItsQuota() throws Exception {
        TestUploads.importFile(http, json, "cells.csv",
                "id,lon,lat,population\nnw,-0.5,0.5,10\nne,0.5,0.5,20\nsw,-0.5,-0.5,40\nse,0.5,-0.5,80\n", "target=demand");
        TestUploads.importFile(http, json, "qu.geojson", TestGeoJson.collection(TestGeoJson.box("西区", -1, -1, 0, 1),
                TestGeoJson.box("东区", 0, -1, 1, 1)), "target=districts&layer=区");
        String run = "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"radiusMeters\":300,\"timeLimitSeconds\":10,"
                + "\"candidates\":{\"source\":\"grid\",\"spacingMeters\":100},";

        // without quotas two toilets go to SE and SW (120); with none for 西区 they go to SE and NE (100)
        assertThat(added(post(run + "\"p\":2}"))).containsExactly("东区 80", "西区 40");
        JsonNode east = post(run + "\"p\":2,\"districtQuotas\":{\"西区\":0}}");
        assertThat(added(east)).containsExactly("东区 80", "东区 20");
        assertThat(east.path("status").asText()).isEqualTo("optimal");
        assertThat(east.path("districtQuotas").toString()).isEqualTo("{\"西区\":0}");
        // three toilets, at most one in 东区: SE, then SW and NW
        assertThat(added(post(run + "\"p\":3,\"districtQuotas\":{\"东区\":1}}"))).containsExactly("东区 80", "西区 40", "西区 10");

        ResponseEntity<String> unknown = postEntity(run + "\"p\":2,\"districtQuotas\":{\"南区\":1}}");
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(unknown.getBody()).path("detail").asText())
                .isEqualTo("districtQuotas: unknown district '南区'; expected one of [东区, 西区]");
        ResponseEntity<String> lscp = postEntity("{\"type\":\"public_toilet\",\"model\":\"lscp\",\"radiusMeters\":300,"
                + "\"districtQuotas\":{\"西区\":1}}");
        assertThat(lscp.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(lscp.getBody()).path("detail").asText()).isEqualTo("districtQuotas apply to mclp (p new sites) only");
    }

    /** Each proposal as "district residents-added", best first. */
    private static List<String> added(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("proposals").forEach(p -> out.add(p.path("district").asText() + " " + Math.round(p.path("populationAdded").asDouble())));
        return out;
    }

    private JsonNode post(String body) throws Exception {
        return TestApi.post(http, json, "/api/siting?wait=true", body).path("result");
    }

    private ResponseEntity<String> postEntity(String body) {
        return TestApi.postAsAdmin(http, "/api/siting?wait=true", body);
    }
}
