package org.sanimap.demand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestGeoJson;
import org.sanimap.testing.TestRegistry;
import org.sanimap.testing.TestUploads;
import org.sanimap.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Facilities whose source names no district get the one they lie in: on import (from the only district
 * layer, or the one named), at a position for the map's form, and for the whole registry on request (a
 * spatial join, recorded in each facility's history). West/east halves of a square as 区, north/south
 * halves as 街道; every facility's district follows from its position by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FacilityDistrictsApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, false);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void facilitiesWithoutADistrictGetTheOneTheyLieIn() throws Exception {
        // before any district layer: nothing to take the district from
        JsonNode before = importFile("early.csv", "id,type,lon,lat\ne1,collection_point,-0.5,-0.5\n", null);
        assertThat(before.path("districtsFromLocation").asInt()).isZero();

        importFile("qu.geojson", TestGeoJson.collection(TestGeoJson.box("西区", -1, -1, 0, 1), TestGeoJson.box("东区", 0, -1, 1, 1)), "target=districts&layer=区");
        // one layer: it names the districts; a record that states its district keeps it; one outside stays without
        JsonNode one = importFile("points.csv", "id,type,lon,lat,district\n"
                + "p1,collection_point,-0.5,0.5,\np2,collection_point,0.5,0.5,\np3,collection_point,0.5,-0.5,老城区\n"
                + "p4,collection_point,5,5,\n", null);
        assertThat(one.path("districtsFromLocation").asInt()).isEqualTo(2);
        assertThat(districts()).containsEntry("p1", "西区").containsEntry("p2", "东区").containsEntry("p3", "老城区")
                .containsEntry("p4", "").containsEntry("e1", "");
        assertThat(get("/api/districts/at?lon=0.5&lat=-0.5").toString()).isEqualTo("{\"layer\":\"区\",\"district\":\"东区\"}");

        // two layers: the import names none unless told which
        importFile("jiedao.geojson", TestGeoJson.collection(TestGeoJson.box("北街道", -1, 0, 1, 1), TestGeoJson.box("南街道", -1, -1, 1, 0)), "target=districts&layer=街道");
        assertThat(importFile("more.csv", "id,type,lon,lat\nq1,collection_point,-0.5,0.5\n", null)
                .path("districtsFromLocation").asInt()).isZero();
        assertThat(importFile("more2.csv", "id,type,lon,lat\nq2,collection_point,-0.5,-0.5\n", "districtLayer=街道")
                .path("districtsFromLocation").asInt()).isEqualTo(1);
        assertThat(districts()).containsEntry("q1", "").containsEntry("q2", "南街道");
        assertThat(get("/api/districts/at?lon=0.5&lat=-0.5").toString()).isEqualTo("{\"layer\":null,\"district\":null}");
        assertThat(get("/api/districts/at?lon=0.5&lat=0.5&layer=街道").path("district").asText()).isEqualTo("北街道");

        // the registry joined to 街道: e1 (SW) and q1 (NW) get theirs, p4 lies in no street
        JsonNode fill = post("/api/districts/layers/街道/assign-facilities");
        assertThat(fill.toString()).isEqualTo("{\"filled\":2,\"outside\":1}");
        assertThat(districts()).containsEntry("e1", "南街道").containsEntry("q1", "北街道").containsEntry("p4", "")
                .containsEntry("p1", "西区");
        long e1 = TestRegistry.idOfSource(http, json, "file:early.csv:id=e1");
        assertThat(get("/api/facilities/" + e1 + "/history").toString()).contains("district").contains("南街道");
        ResponseEntity<String> unknown = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .postForEntity("/api/districts/layers/社区/assign-facilities", null, String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    }

    /** Each facility's id in its file (source keys read file:NAME:id=ID) and district ("" for none). */
    private Map<String, String> districts() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode f : get("/api/facilities?size=100").path("features")) {
            JsonNode p = f.path("properties");
            out.put(idInFile(p.path("sourceKey").asText()), p.path("district").isNull() ? "" : p.path("district").asText());
        }
        return out;
    }

    private static String idInFile(String sourceKey) {
        return sourceKey.substring(sourceKey.indexOf("id=") + 3);
    }


    private JsonNode get(String url) throws Exception {
        ResponseEntity<String> r = http.getForEntity(url, String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        return json.readTree(r.getBody());
    }

    private JsonNode post(String url) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity(url, null,
                String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        return json.readTree(r.getBody());
    }

    private JsonNode importFile(String name, String content, String query) throws Exception {
        return TestUploads.importFile(http, json, name, content, query);
    }
}
