package org.sanimap.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanimap.cli.CoverageCommand;
import org.sanimap.store.H2gisTestStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API on the demo city gives the same coverage as the command line on the same files. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoverageApiTest {

    static final Path DEMO = Path.of("data/demo/porto-alegre");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, true);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @TempDir
    Path dir;

    @Test
    void apiAndCommandLineAgreeOnTheDemoCity() throws Exception {
        JsonNode api = json.readTree(http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=300&metric=euclidean",
                String.class).getBody());
        Path out = dir.resolve("cli.json");
        assertThat(CoverageCommand.run(List.of("--facilities", DEMO.resolve("poa_osm.pbf").toString(), "--demand",
                DEMO.resolve("poa_hexgrid.csv").toString(), "--type", "public_toilet", "--radius-meters", "300", "--out",
                out.toString()), new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();
        JsonNode cli = json.readTree(out.toFile());

        assertThat(api.path("facilityCount").asInt()).isEqualTo(11);
        for (String field : List.of("totalPopulation", "coveredPopulation", "cells", "coveredCells", "gapCount")) {
            assertThat(api.path(field).asDouble()).as(field).isEqualTo(cli.path(field).asDouble());
        }
        assertThat(api.path("perDistrict").toString()).isEqualTo(cli.path("perDistrict").toString());
        assertThat(api.path("gaps").toString()).isEqualTo(cli.path("gaps").toString());

        JsonNode uncovered = json.readTree(http.getForEntity("/api/coverage/uncovered?type=public_toilet&radiusMeters=300",
                String.class).getBody());
        assertThat(uncovered.path("features").size()).isEqualTo(api.path("cells").asInt() - api.path("coveredCells").asInt());
    }

    @Test
    void planningAFacilityUnderConstructionCountsOnlyWhenIncluded() throws Exception {
        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-51.1582459466033,-30.0538460280879]},"
                + "\"properties\":{\"type\":\"public_toilet\",\"status\":\"under_construction\"}}";
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        JsonNode created = json.readTree(http.postForEntity("/api/facilities",
                new org.springframework.http.HttpEntity<>(feature, headers), String.class).getBody());
        try {
            JsonNode before = json.readTree(http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=300", String.class).getBody());
            JsonNode after = json.readTree(http.getForEntity(
                    "/api/coverage?type=public_toilet&radiusMeters=300&include=under_construction", String.class).getBody());
            assertThat(after.path("facilityCount").asInt()).isEqualTo(before.path("facilityCount").asInt() + 1);
            // the new toilet sits on a hexagon centre (first row of poa_hexgrid.csv), so it covers at least that cell
            assertThat(after.path("coveredCells").asInt()).isGreaterThan(before.path("coveredCells").asInt());
            assertThat(after.path("coveredPopulation").asDouble()).isGreaterThanOrEqualTo(before.path("coveredPopulation").asDouble());
        } finally {
            http.delete("/api/facilities/" + created.path("id").asLong() + "?version=1");
        }
    }

    @Test
    void walkingCoverageAgreesWithTheCommandLineAndStaysBelowStraightLine() throws Exception {
        JsonNode walking = json.readTree(http.getForEntity(
                "/api/coverage?type=public_toilet&radiusMeters=300&metric=walking", String.class).getBody());
        JsonNode straight = json.readTree(http.getForEntity(
                "/api/coverage?type=public_toilet&radiusMeters=300&metric=euclidean", String.class).getBody());
        Path out = dir.resolve("walking.json");
        assertThat(CoverageCommand.run(List.of("--facilities", DEMO.resolve("poa_osm.pbf").toString(), "--demand",
                DEMO.resolve("poa_hexgrid.csv").toString(), "--network", DEMO.resolve("poa_osm.pbf").toString(), "--type",
                "public_toilet", "--radius-meters", "300", "--metric", "walking", "--out", out.toString()),
                new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();
        JsonNode cli = json.readTree(out.toFile());
        assertThat(walking.path("metric").asText()).isEqualTo("walking");
        assertThat(walking.path("coveredPopulation").asDouble()).isEqualTo(cli.path("coveredPopulation").asDouble());
        assertThat(walking.path("perDistrict").toString()).isEqualTo(cli.path("perDistrict").toString());
        assertThat(walking.path("coveredPopulation").asDouble()).isLessThanOrEqualTo(straight.path("coveredPopulation").asDouble());
        assertThat(walking.path("coveredCells").asInt()).isGreaterThan(0);
    }

    @Test
    void badRequestsGetProblemMessages() throws Exception {
        ResponseEntity<String> metric = http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=300&metric=driving",
                String.class);
        assertThat(metric.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(metric.getBody()).path("detail").asText())
                .isEqualTo("unknown metric 'driving'; expected euclidean or walking");
        ResponseEntity<String> radius = http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=-5", String.class);
        assertThat(json.readTree(radius.getBody()).path("detail").asText()).isEqualTo("radiusMeters -5.0 out of range (0, 100000]");
        ResponseEntity<String> layer = http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=300&layer=x", String.class);
        assertThat(json.readTree(layer.getBody()).path("detail").asText()).isEqualTo("demand layer 'x' not found; there are [poa_hexgrid]");
    }
}
