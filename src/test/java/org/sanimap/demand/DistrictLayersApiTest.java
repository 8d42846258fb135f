package org.sanimap.demand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestGeoJson;
import org.sanimap.testing.TestApi;
import org.sanimap.testing.TestUploads;
import org.sanimap.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two stored layers of planning areas that overlap (a city's 区 and its 街道): the figures are split by the
 * layer asked for, and a layer of areas or of demand can be deleted. Four cells of known population in the
 * four quarters of a 2 x 2 square; 区 splits it west/east, 街道 north/south, so every split adds up by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DistrictLayersApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, false);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void theChosenLayerSplitsTheFiguresAndLayersCanBeDeleted() throws Exception {
        // NW 10, NE 20, SW 40, SE 80; one toilet on the NW cell covers it alone at 300 m
        importFile("cells.csv", "id,lon,lat,population\nnw,-0.5,0.5,10\nne,0.5,0.5,20\nsw,-0.5,-0.5,40\nse,0.5,-0.5,80\n",
                "target=demand&layer=cells");
        importFile("spare.csv", "id,lon,lat,population\nx,5,5,1\n", "target=demand&layer=spare");
        importFile("toilet.csv", "id,type,lon,lat\nt1,public_toilet,-0.5,0.5\n", null);
        importFile("qu.geojson", TestGeoJson.collection(TestGeoJson.box("西区", -1, -1, 0, 1), TestGeoJson.box("东区", 0, -1, 1, 1)), "target=districts&layer=区");
        importFile("jiedao.geojson", TestGeoJson.collection(TestGeoJson.box("北街道", -1, 0, 1, 1), TestGeoJson.box("南街道", -1, -1, 1, 0)),
                "target=districts&layer=街道");
        assertThat(get("/api/districts/layers").toString()).isEqualTo("[{\"name\":\"区\",\"areaCount\":2},"
                + "{\"name\":\"街道\",\"areaCount\":2}]");

        String base = "/api/coverage?type=public_toilet&radiusMeters=300&layer=cells";
        assertThat(split(get(base + "&districtLayer=区"))).isEqualTo(Map.of("西区", "10/50", "东区", "0/100"));
        JsonNode byStreet = get(base + "&districtLayer=街道");
        assertThat(split(byStreet)).isEqualTo(Map.of("北街道", "10/30", "南街道", "0/120"));
        assertThat(byStreet.path("districtLayer").asText()).isEqualTo("街道");
        // the three uncovered cells are neighbours on this grid, one gap of 140: the district holding most of them
        // is 南街道 (SW 40 + SE 80) by street and 东区 (NE 20 + SE 80) by 区
        assertThat(byStreet.path("gaps").size()).isEqualTo(1);
        assertThat(byStreet.path("gaps").get(0).path("population").asDouble()).isEqualTo(140);
        assertThat(byStreet.path("gaps").get(0).path("district").asText()).isEqualTo("南街道");
        assertThat(get(base + "&districtLayer=区").path("gaps").get(0).path("district").asText()).isEqualTo("东区");
        assertThat(get("/api/districts/names?layer=街道").toString()).isEqualTo("[\"北街道\",\"南街道\"]");
        assertThat(get("/api/districts?layer=区").path("features").size()).isEqualTo(2);
        ResponseEntity<String> unknown = http.getForEntity(base + "&districtLayer=社区", String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(unknown.getBody()).path("detail").asText())
                .isEqualTo("district layer '社区' not found; there are [区, 街道]");
        // the downloads name the layer that split them
        assertThat(http.getForObject(base.replace("/api/coverage?", "/api/coverage/report.html?") + "&districtLayer=街道",
                String.class)).contains("<th>分区图层 district layer</th><td>街道</td>");
        // the campaign table by type follows the layer too
        assertThat(http.getForObject("/api/coverage/by-type.csv?layer=cells&districtLayer=街道", String.class))
                .contains("北街道").doesNotContain("西区");

        // a siting run scoped to one street serves only its residents: the one new toilet goes to the NE cell (20)
        JsonNode run = post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":1,"
                + "\"radiusMeters\":300,\"layer\":\"cells\",\"districtLayer\":\"街道\",\"district\":\"北街道\","
                + "\"candidates\":{\"source\":\"grid\",\"spacingMeters\":100},\"timeLimitSeconds\":5}");
        JsonNode proposal = run.path("result").path("proposals").get(0);
        assertThat(proposal.path("populationAdded").asDouble()).as(run.toString()).isEqualTo(20.0);
        assertThat(proposal.path("district").asText()).isEqualTo("北街道");

        // deleting a layer: its areas go, the other layer's split stays; twice is a 404
        assertThat(delete("/api/districts/layers/区").getStatusCode().value()).isEqualTo(204);
        assertThat(split(get(base))).isEqualTo(Map.of("北街道", "10/30", "南街道", "0/120"));
        ResponseEntity<String> again = delete("/api/districts/layers/区");
        assertThat(again.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(again.getBody()).path("detail").asText()).isEqualTo("district layer '区' not found; there are [街道]");
        // a new file replaces its layer: the old cell goes, the report says so
        JsonNode replaced = importFile("spare.csv", "id,lon,lat,population\ny,6,6,2\n", "target=demand&layer=spare");
        assertThat(replaced.path("created").asInt()).isEqualTo(1);
        assertThat(replaced.path("removed").asInt()).isEqualTo(1);
        JsonNode spareCells = get("/api/demand?layer=spare").path("features");
        assertThat(spareCells.size()).isEqualTo(1);
        assertThat(spareCells.get(0).path("id").asText()).isEqualTo("y");
        assertThat(delete("/api/demand/layers/spare").getStatusCode().value()).isEqualTo(204);
        assertThat(get("/api/demand/layers").findValuesAsText("name")).containsExactly("cells");
        // with one demand layer left, coverage needs no layer= again
        assertThat(get("/api/coverage?type=public_toilet&radiusMeters=300").path("totalPopulation").asDouble()).isEqualTo(150);
        assertThat(delete("/api/demand/layers/spare").getStatusCode().value()).isEqualTo(404);
        // reading is not deleting
        assertThat(http.exchange("/api/demand/layers/cells", HttpMethod.DELETE, null, String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    private static Map<String, String> split(JsonNode report) {
        Map<String, String> out = new LinkedHashMap<>();
        report.path("perDistrict").forEach(d -> out.put(d.path("name").asText(),
                Math.round(d.path("covered").asDouble()) + "/" + Math.round(d.path("total").asDouble())));
        return out;
    }

    private JsonNode get(String url) throws Exception {
        return TestApi.get(http, json, url);
    }

    private JsonNode post(String url, String body) throws Exception {
        return TestApi.post(http, json, url, body);
    }

    private ResponseEntity<String> delete(String url) {
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).exchange(url, HttpMethod.DELETE, null, String.class);
    }

    private JsonNode importFile(String name, String content, String query) throws Exception {
        return TestUploads.importFile(http, json, name, content, query);
    }
}
