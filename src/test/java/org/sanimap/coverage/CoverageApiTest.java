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
        JsonNode created = json.readTree(http.withBasicAuth(org.sanimap.testing.TestUsers.ADMIN, org.sanimap.testing.TestUsers.ADMIN_PASSWORD).postForEntity("/api/facilities",
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
            http.withBasicAuth(org.sanimap.testing.TestUsers.ADMIN, org.sanimap.testing.TestUsers.ADMIN_PASSWORD).delete("/api/facilities/" + created.path("id").asLong() + "?version=1");
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
    void reportsDownloadAsCsvXlsxAndPrintableHtml() throws Exception {
        JsonNode api = json.readTree(http.getForEntity("/api/coverage?type=public_toilet", String.class).getBody());

        ResponseEntity<byte[]> csv = http.getForEntity("/api/coverage/report.csv?type=public_toilet", byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getFirst("Content-Disposition")).contains("coverage-public_toilet-euclidean-300m.csv");
        List<String> lines = new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFF区 district,");
        String[] total = lines.get(lines.size() - 1).split(",");
        assertThat(total[0]).isEqualTo("合计 total");
        assertThat(Long.parseLong(total[3])).isEqualTo(Math.round(api.path("totalPopulation").asDouble()));
        assertThat(Long.parseLong(total[4])).isEqualTo(Math.round(api.path("coveredPopulation").asDouble()));

        ResponseEntity<byte[]> xlsx = http.getForEntity("/api/coverage/report.xlsx?type=public_toilet", byte[].class);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            org.apache.poi.ss.usermodel.Sheet districts = book.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row last = districts.getRow(districts.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("合计 total");
            assertThat(last.getCell(4).getNumericCellValue()).isEqualTo((double) Math.round(api.path("coveredPopulation").asDouble()));
            assertThat(book.getSheetAt(1).getLastRowNum()).isEqualTo(api.path("gaps").size());
            assertThat(book.getSheetAt(2).getRow(4).getCell(1).getStringCellValue()).contains("GB 55013-2021 5.0.1");
        }

        String html = http.getForEntity("/api/coverage/report.html?type=public_toilet", String.class).getBody();
        assertThat(html).contains("GB 55013-2021 5.0.1").contains("<svg");
        int circles = html.split("<circle ", -1).length - 1;
        assertThat(circles).isEqualTo(api.path("cells").asInt());
        int uncoveredCircles = html.split("fill=\"#c62828\"", -1).length - 1;
        assertThat(uncoveredCircles).isEqualTo(api.path("cells").asInt() - api.path("coveredCells").asInt());
    }

    @Test
    void gapAreasAreTheCityMinusTheServiceArea() throws Exception {
        for (String metric : List.of("euclidean", "walking")) {
            JsonNode fc = json.readTree(http.getForEntity("/api/coverage/gap-areas?type=public_toilet&metric=" + metric,
                    String.class).getBody());
            assertThat(fc.path("features").size()).isEqualTo(2);
            assertThat(fc.path("features").get(0).path("properties").path("kind").asText()).isEqualTo("service_area");
            JsonNode gap = fc.path("features").get(1);
            assertThat(gap.path("properties").path("district").asText()).isEqualTo("(all)");
            assertThat(gap.path("geometry").path("type").asText()).isIn("Polygon", "MultiPolygon");
            // the demo's hexagons span well over 100 km² and 11 toilets serve at most 11·π·0.3² ≈ 3.1 km²
            assertThat(gap.path("properties").path("areaKm2").asDouble()).isGreaterThan(100);
        }
    }

    @Test
    void byTypeReportsEachTypeWithAnActiveRadiusAtThatRadius() throws Exception {
        JsonNode reports = json.readTree(http.getForEntity("/api/coverage/by-type", String.class).getBody());
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).path("type").asText()).isEqualTo("public_toilet");
        assertThat(reports.get(0).path("radiusMeters").asDouble()).isEqualTo(300.0);
        assertThat(reports.get(1).path("type").asText()).isEqualTo("collection_point");
        assertThat(reports.get(1).path("radiusMeters").asDouble()).isEqualTo(120.0);
        // the demo has no collection points
        assertThat(reports.get(1).path("coveredPopulation").asDouble()).isZero();
        JsonNode single = json.readTree(http.getForEntity("/api/coverage?type=public_toilet", String.class).getBody());
        assertThat(reports.get(0).path("coveredPopulation").asDouble()).isEqualTo(single.path("coveredPopulation").asDouble());

        List<String> csv = new String(http.getForEntity("/api/coverage/by-type.csv", byte[].class).getBody(),
                java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        // header, then per type one district row ("(all)") and a total row
        assertThat(csv).hasSize(1 + 2 * 2);
        assertThat(csv.get(2)).startsWith("public_toilet,300.0,GB 55013-2021 5.0.1,合计 total,");
        assertThat(csv.get(2).split(",")[5]).isEqualTo(Long.toString(Math.round(single.path("coveredPopulation").asDouble())));
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(http.getForEntity("/api/coverage/by-type.xlsx", byte[].class).getBody()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(4);
            assertThat(book.getSheetAt(0).getRow(3).getCell(0).getStringCellValue()).isEqualTo("collection_point");
        }
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
        ResponseEntity<String> weighting = http.getForEntity("/api/coverage?type=public_toilet&weighting=area", String.class);
        assertThat(json.readTree(weighting.getBody()).path("detail").asText()).isEqualTo("demand layer 'poa_hexgrid' has no "
                + "cell polygons; area weighting needs a polygon grid (e.g. a GeoPackage population grid), use weighting=centroid");
        ResponseEntity<String> layer = http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=300&layer=x", String.class);
        assertThat(json.readTree(layer.getBody()).path("detail").asText()).isEqualTo("demand layer 'x' not found; there are [poa_hexgrid]");
        // a value that is not a number names the parameter, as for path variables (it once said "Invalid request content.")
        ResponseEntity<String> text = http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=abc", String.class);
        assertThat(text.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(text.getBody()).path("detail").asText()).isEqualTo("parameter 'radiusMeters' has an invalid value 'abc'");
        ResponseEntity<String> flag = http.getForEntity("/api/coverage/by-type?mobileAsToilets=perhaps", String.class);
        assertThat(json.readTree(flag.getBody()).path("detail").asText())
                .isEqualTo("parameter 'mobileAsToilets' has an invalid value 'perhaps'");
    }
}
