package org.sanimap.siting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.sanimap.demand.DemandService;
import org.sanimap.demand.PlanningArea;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Siting for one district of the demo city: its residents only, sites inside it only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SitingByDistrictApiTest {

    /** The demo city cut in two at this longitude (its cells span -51.27 to -51.13). */
    private static final double SPLIT_LON = -51.20;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, true);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DemandService demand;

    private static Polygon box(double minLon, double maxLon) {
        GeometryFactory f = new GeometryFactory(new PrecisionModel(), 4326);
        return f.createPolygon(new Coordinate[] {new Coordinate(minLon, -30.5), new Coordinate(maxLon, -30.5),
            new Coordinate(maxLon, -29.5), new Coordinate(minLon, -29.5), new Coordinate(minLon, -30.5)});
    }

    @BeforeEach
    void twoDistricts() {
        demand.upsertPlanningAreas("districts", List.of(new PlanningArea("西区", box(-52, SPLIT_LON)),
                new PlanningArea("东区", box(SPLIT_LON, -50))));
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .postForEntity(path, new HttpEntity<>(body, headers), String.class);
        return json.readTree(r.getBody());
    }

    @Test
    void aDistrictRunServesItsResidentsWithSitesInsideItAndItsProjectNamesIt() throws Exception {
        JsonNode job = post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":8,\"radiusMeters\":300,"
                + "\"district\":\"西区\"}");
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("done");
        JsonNode answer = job.path("result");
        assertThat(answer.path("district").asText()).isEqualTo("西区");
        // the residents served are those of the cells west of the cut, summed here from the demand layer itself
        double west = 0;
        int westCells = 0;
        for (JsonNode cell : json.readTree(http.getForEntity("/api/demand", String.class).getBody()).path("features")) {
            if (cell.path("geometry").path("coordinates").get(0).asDouble() < SPLIT_LON) {
                west += cell.path("properties").path("population").asDouble();
                westCells++;
            }
        }
        assertThat(westCells).isPositive().isLessThan(1227);
        assertThat(answer.path("totalPopulation").asDouble()).isEqualTo(west);
        assertThat(answer.path("demandUnits").asInt()).isEqualTo(westCells);
        assertThat(answer.path("proposals")).hasSize(8);
        for (JsonNode p : answer.path("proposals")) {
            assertThat(p.path("lonWgs84").asDouble()).as("proposal %s", p).isLessThan(SPLIT_LON);
            assertThat(p.path("district").asText()).isEqualTo("西区");
        }
        JsonNode accepted = post("/api/siting/" + job.path("id").asText() + "/accept", "{\"projectName\":\"西区 2027 公厕\"}");
        JsonNode project = json.readTree(http.getForEntity("/api/projects/" + accepted.path("projectId").asLong(), String.class).getBody());
        assertThat(project.toString()).contains("\"districts\":[\"西区\"]");
    }

    @Test
    void anUnknownDistrictIsRefusedWithTheKnownOnes() throws Exception {
        JsonNode refused = post("/api/siting", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":2,\"district\":\"北区\"}");
        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("detail").asText()).isEqualTo("unknown district '北区'; expected one of [东区, 西区]");
        // what the map's district list reads
        assertThat(json.readTree(http.getForEntity("/api/districts/names", String.class).getBody()))
                .isEqualTo(json.readTree("[\"东区\", \"西区\"]"));
    }
}
