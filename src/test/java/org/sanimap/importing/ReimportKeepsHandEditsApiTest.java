package org.sanimap.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestRegistry;
import org.sanimap.testing.TestUploads;
import org.sanimap.testing.TestUsers;
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

/**
 * Importing a source again updates what the source states and keeps what the bureau entered by hand: an
 * OSM extract (which states no status and no district) does not undo a suspension or a district, while a
 * ledger that states a status does set it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReimportKeepsHandEditsApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, false);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private static final String OSM = "<osm version='0.6'><node id='7' lon='120.1' lat='30.2'>"
            + "<tag k='amenity' v='toilets'/><tag k='name' v='西湖公厕'/></node></osm>";

    @Test
    void anOsmExtractImportedAgainKeepsTheSuspensionAndTheDistrictEnteredByHand() throws Exception {
        assertThat(importFile("hangzhou.osm", OSM, null).path("created").asInt()).isEqualTo(1);
        long id = idOfSource("osm:node/7");
        // by hand: the district and the operator, then a suspension
        ObjectNode feature = (ObjectNode) get("/api/facilities/" + id);
        ((ObjectNode) feature.path("properties")).put("district", "西湖区").put("operator", "西湖区环卫所");
        assertThat(send(HttpMethod.PUT, "/api/facilities/" + id, feature.toString()).getStatusCode().value()).isEqualTo(200);
        assertThat(send(HttpMethod.POST, "/api/facilities/" + id + "/transitions", "{\"to\":\"suspended\",\"date\":\"2026-01-05\"}")
                .getStatusCode().value()).isEqualTo(201);

        JsonNode again = importFile("hangzhou.osm", OSM, null);
        assertThat(again.path("unchanged").asInt()).isEqualTo(1);
        assertThat(again.path("updated").asInt()).isZero();
        JsonNode p = get("/api/facilities/" + id).path("properties");
        assertThat(p.path("status").asText()).isEqualTo("suspended");
        assertThat(p.path("district").asText()).isEqualTo("西湖区");
        assertThat(p.path("operator").asText()).isEqualTo("西湖区环卫所");
        assertThat(p.path("name").asText()).isEqualTo("西湖公厕");

        // what the source states still updates: a new name in OSM replaces the old one
        JsonNode renamed = importFile("hangzhou.osm", OSM.replace("西湖公厕", "西湖景区公厕"), null);
        assertThat(renamed.path("updated").asInt()).isEqualTo(1);
        p = get("/api/facilities/" + id).path("properties");
        assertThat(p.path("name").asText()).isEqualTo("西湖景区公厕");
        assertThat(p.path("status").asText()).isEqualTo("suspended");
        assertThat(p.path("district").asText()).isEqualTo("西湖区");
    }

    @Test
    void aLedgerThatStatesAStatusSetsItAndOneThatStatesNoneKeepsTheStoredOne() throws Exception {
        importFile("ledger.csv", "id,type,status,lon,lat\nL1,collection_point,in_service,121.0,31.0\n", null);
        long id = idOfSource("file:ledger.csv:id=L1");
        assertThat(send(HttpMethod.POST, "/api/facilities/" + id + "/transitions", "{\"to\":\"suspended\",\"date\":\"2026-02-01\"}")
                .getStatusCode().value()).isEqualTo(201);
        // the same ledger, its status column still saying in_service: it reopens
        assertThat(importFile("ledger.csv", "id,type,status,lon,lat\nL1,collection_point,in_service,121.0,31.0\n", null)
                .path("updated").asInt()).isEqualTo(1);
        assertThat(get("/api/facilities/" + id).path("properties").path("status").asText()).isEqualTo("in_service");
        // (the import dated its change today, so the next suspension is today's too)
        assertThat(send(HttpMethod.POST, "/api/facilities/" + id + "/transitions", "{\"to\":\"suspended\"}")
                .getStatusCode().value()).isEqualTo(201);
        // a row with an empty status cell states none: the suspension stays
        assertThat(importFile("ledger.csv", "id,type,status,lon,lat\nL1,collection_point,,121.0,31.0\n", null)
                .path("unchanged").asInt()).isEqualTo(1);
        assertThat(get("/api/facilities/" + id).path("properties").path("status").asText()).isEqualTo("suspended");
        // a default status named for the file is a statement
        importFile("ledger.csv", "id,type,status,lon,lat\nL1,collection_point,,121.0,31.0\n", "defaultStatus=in_service");
        assertThat(get("/api/facilities/" + id).path("properties").path("status").asText()).isEqualTo("in_service");
    }

    @Test
    void rowsAnEarlierImportOfTheFileHadAreCountedNotDeleted() throws Exception {
        importFile("points.csv", "id,type,lon,lat\nA,collection_point,121.1,31.1\nB,collection_point,121.2,31.1\n", null);
        JsonNode again = importFile("points.csv", "id,type,lon,lat\nA,collection_point,121.1,31.1\n", null);
        assertThat(again.path("notInFile").asInt()).isEqualTo(1);
        assertThat(again.path("unchanged").asInt()).isEqualTo(1);
        idOfSource("file:points.csv:id=B"); // still there
        assertThat(importFile("hangzhou-2.osm", OSM.replace("id='7'", "id='8'"), null).path("notInFile").asInt()).isZero();
    }

    private long idOfSource(String sourceKey) throws Exception {
        return TestRegistry.idOfSource(http, json, sourceKey);
    }

    private JsonNode get(String url) throws Exception {
        ResponseEntity<String> r = http.getForEntity(url, String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        return json.readTree(r.getBody());
    }

    private ResponseEntity<String> send(HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).exchange(url, method, new HttpEntity<>(body, headers),
                String.class);
    }

    private JsonNode importFile(String name, String content, String query) throws Exception {
        return TestUploads.importFile(http, json, name, content, query);
    }
}
