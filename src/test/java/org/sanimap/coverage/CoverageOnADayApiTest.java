package org.sanimap.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestUploads;
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

/**
 * Coverage on a past day counts the facilities as they stood then: a campaign's coverage at its start against
 * today. Three cells about 960 m apart, each with a toilet on it or none, so the covered population on each day
 * follows by hand from which toilets were in service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageOnADayApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, false);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    void cityWithDatedToilets() {
        upload("cells.csv", "id,lon,lat,population\nc1,120.00,30.0,100\nc2,120.01,30.0,200\nc3,120.02,30.0,400\n",
                "target=demand&layer=cells");
        // A in service since 2020, B since June 2024, C being built on c3 since 2025, D on c3 with no date (today on)
        upload("toilets.csv", "id,type,status,lon,lat,status_since\n"
                + "A,public_toilet,in_service,120.00,30.0,2020-01-01\n"
                + "B,public_toilet,in_service,120.01,30.0,2024-06-01\n"
                + "C,public_toilet,under_construction,120.02,30.0,2025-01-01\n"
                + "D,public_toilet,in_service,120.02,30.0,\n", null);
        // two planning areas: 西区 around c1, 东区 around c2 and c3
        upload("districts.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"西区\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[119.99,29.99],[120.005,29.99],[120.005,30.01],[119.99,30.01],[119.99,29.99]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"东区\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[120.005,29.99],[120.03,29.99],[120.03,30.01],[120.005,30.01],[120.005,29.99]]]}}]}", "target=districts");
    }

    @Test
    void coveragePerDayCountsTheToiletsInServiceThatDay() throws Exception {
        assertThat(covered("&asOf=2019-12-31")).isEqualTo(0);
        assertThat(covered("&asOf=2022-01-01")).isEqualTo(100);
        assertThat(covered("&asOf=2024-05-31")).isEqualTo(100);
        assertThat(covered("&asOf=2024-06-01")).isEqualTo(100 + 200);
        // once C, under construction then, opens
        assertThat(covered("&asOf=2025-06-01&include=under_construction")).isEqualTo(100 + 200 + 400);
        assertThat(covered("&asOf=2025-06-01")).isEqualTo(100 + 200);
        // D counts from the day it was stored, today
        assertThat(covered("&asOf=" + LocalDate.now().minusDays(1))).isEqualTo(100 + 200);
        assertThat(covered("&asOf=" + LocalDate.now())).isEqualTo(100 + 200 + 400);
        assertThat(covered("")).isEqualTo(100 + 200 + 400);

        JsonNode report = get("/api/coverage?type=public_toilet&radiusMeters=300&asOf=2024-06-01");
        assertThat(report.path("asOf").asText()).isEqualTo("2024-06-01");
        assertThat(report.path("facilityCount").asInt()).isEqualTo(2);
        assertThat(get("/api/coverage?type=public_toilet&radiusMeters=300").path("asOf").isNull()).isTrue();
        // the per-type reports and their downloads take the day too (toilets at the standard's 300 m)
        JsonNode byType = get("/api/coverage/by-type?asOf=2022-01-01");
        JsonNode toilets = null;
        for (JsonNode r : byType) {
            if (r.path("type").asText().equals("public_toilet")) {
                toilets = r;
            }
        }
        assertThat(toilets).isNotNull();
        assertThat(toilets.path("coveredPopulation").asDouble()).isEqualTo(100);
        String csv = new String(http.getForEntity("/api/coverage/report.csv?type=public_toilet&radiusMeters=300&asOf=2022-01-01",
                byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains("西区,1,1,100,100,0,100.0").contains("东区,2,0,600,0,600,0.0");
        // the printable report says which day it shows, and with since the change from an earlier day
        String html = http.getForEntity("/api/coverage/report.html?type=public_toilet&radiusMeters=300&asOf=2022-01-01",
                String.class).getBody();
        assertThat(html).contains("设施截至 facilities as of").contains("2022-01-01").doesNotContain("覆盖变化");
        // the static map outlines the two districts and names them
        assertThat(html.split("<path class=\"district\"", -1)).hasSize(3);
        assertThat(html).contains(">西区</text>").contains(">东区</text>");
        String change = http.getForEntity("/api/coverage/report.html?type=public_toilet&radiusMeters=300&asOf=2024-12-01"
                + "&since=2019-12-01", String.class).getBody();
        // 0 covered with no toilet on 2019-12-01, 300 (A and B) on 2024-12-01; 西区 gains 100, 东区 200
        assertThat(change).contains("覆盖变化 Change since 2019-12-01")
                .contains("2019-12-01: 0 (0.00 %, 0 设施 facilities) → 2024-12-01: 300 (42.86 %, 2); +300 人 people")
                .contains("<tr><td>西区</td><td>0.00</td><td>100.00</td><td>+100</td></tr>")
                .contains("<tr><td>东区</td><td>0.00</td><td>33.33</td><td>+200</td></tr>");
        // the same report with the year-by-year line from the campaign's start: A alone until B opens (June 2024)
        String overTime = http.getForEntity("/api/coverage/report.html?type=public_toilet&radiusMeters=300&asOf=2024-12-01"
                + "&since=2021-12-01&trend=year", String.class).getBody();
        assertThat(overTime).contains("覆盖率走势 Coverage over time (year)").contains("<polyline")
                .contains("<tr><td>2021-12-01</td><td>1</td><td>100</td><td>14.29</td></tr>")
                .contains("<tr><td>2022-12-01</td><td>1</td><td>100</td><td>14.29</td></tr>")
                .contains("<tr><td>2023-12-01</td><td>1</td><td>100</td><td>14.29</td></tr>")
                .contains("<tr><td>2024-12-01</td><td>2</td><td>300</td><td>42.86</td></tr>");
        assertThat(html).doesNotContain("覆盖率走势");
        ResponseEntity<String> backwards = http.getForEntity("/api/coverage/report.html?type=public_toilet&radiusMeters=300"
                + "&asOf=2020-01-01&since=2021-01-01", String.class);
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(backwards.getBody()).path("detail").asText())
                .isEqualTo("since 2021-01-01 must be before the report's day, 2020-01-01");
    }

    @Test
    void aTrendGivesTheCoverageOfEachDayFromTheFirstByWholeSteps() throws Exception {
        JsonNode yearly = get("/api/coverage/trend?type=public_toilet&radiusMeters=300&from=2019-12-01&to=2024-12-01&step=year");
        assertThat(yearly.path("step").asText()).isEqualTo("year");
        List<String> got = new java.util.ArrayList<>();
        for (JsonNode p : yearly.path("points")) {
            got.add(p.path("asOf").asText() + " " + p.path("facilityCount").asInt() + " " + p.path("coveredPopulation").asInt());
        }
        // A from 2020-01-01 (cell of 100), B from 2024-06-01 (200)
        assertThat(got).containsExactly("2019-12-01 0 0", "2020-12-01 1 100", "2021-12-01 1 100", "2022-12-01 1 100",
                "2023-12-01 1 100", "2024-12-01 2 300");
        // whole months from the 31st: month ends stay month ends (2024 is a leap year); the last day is to
        JsonNode monthly = get("/api/coverage/trend?type=public_toilet&radiusMeters=300&from=2024-01-31&to=2024-06-15");
        List<String> days = new java.util.ArrayList<>();
        monthly.path("points").forEach(p -> days.add(p.path("asOf").asText()));
        assertThat(days).containsExactly("2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2024-06-15");
        assertThat(monthly.path("points").get(5).path("coveredPopulation").asDouble()).isEqualTo(300);
        String csv = new String(http.getForEntity("/api/coverage/trend.csv?type=public_toilet&radiusMeters=300&from=2019-12-01"
                + "&to=2020-12-01&step=year", byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains("2019-12-01,合计 total,0,700,0,0.0").contains("2020-12-01,合计 total,1,700,100,14.29")
                .contains("2020-12-01,西区,,100,100,100.0").contains("2020-12-01,东区,,600,0,0.0");
        // per planning area on 2024-12-01: 西区 all of its 100, 东区 the 200 of c2 out of 600
        List<String> areas = new java.util.ArrayList<>();
        yearly.path("points").get(5).path("perDistrict").forEach(d -> areas.add(d.path("name").asText() + " "
                + d.path("covered").asInt() + "/" + d.path("total").asInt()));
        assertThat(areas).containsExactlyInAnyOrder("西区 100/100", "东区 200/600");
        byte[] xlsx = http.getForEntity("/api/coverage/trend.xlsx?type=public_toilet&radiusMeters=300&from=2019-12-01"
                + "&to=2020-12-01&step=year", byte[].class).getBody();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            // header, then per date a total row and the two districts
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("2020-12-01");
            assertThat(sheet.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(sheet.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(100);
        }

        assertThat(problem("/api/coverage/trend?type=public_toilet&radiusMeters=300&step=day"))
                .isEqualTo("unknown step 'day'; expected week, month, quarter or year");
        assertThat(problem("/api/coverage/trend?type=public_toilet&radiusMeters=300&from=2024-02-01&to=2024-01-01"))
                .isEqualTo("from 2024-02-01 is after to 2024-01-01");
        assertThat(problem("/api/coverage/trend?type=public_toilet&radiusMeters=300&from=2000-01-01&to=2024-01-01&step=week"))
                .isEqualTo("from 2000-01-01 to 2024-01-01 by week gives more than 120 dates; take a longer step or a shorter span");
        assertThat(problem("/api/coverage/trend?type=public_toilet&radiusMeters=300&asOf=2024-01-01"))
                .isEqualTo("asOf does not apply to a trend; give from and to");
    }

    private String problem(String url) throws Exception {
        ResponseEntity<String> r = http.getForEntity(url, String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
        return json.readTree(r.getBody()).path("detail").asText();
    }

    @Test
    void aDayAheadCountsTheFacilitiesDueForCompletionByThenAsInService() throws Exception {
        // a project of one collection point on c1, planned complete in 20 days (no collection point exists yet)
        LocalDate today = LocalDate.now();
        LocalDate due = today.plusDays(20);
        ResponseEntity<String> created = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity(
                "/api/projects", new HttpEntity<>("{\"name\":\"收集点 " + due + "\",\"facilityType\":\"collection_point\","
                        + "\"targetCount\":1,\"plannedStart\":\"" + today + "\",\"plannedEnd\":\"" + due + "\",\"decidedOn\":\""
                        + today + "\",\"facilities\":[{\"lon\":120.00,\"lat\":30.0,\"name\":\"规划收集点\"}]}", jsonHeaders()),
                String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String base = "/api/coverage?type=collection_point&radiusMeters=120";

        JsonNode now = get(base);
        assertThat(now.path("coveredPopulation").asDouble()).isZero();
        assertThat(now.path("projected").asBoolean()).isFalse();
        JsonNode before = get(base + "&asOf=" + due.minusDays(1));
        assertThat(before.path("projected").asBoolean()).isTrue();
        assertThat(before.path("coveredPopulation").asDouble()).isZero();
        JsonNode onTime = get(base + "&asOf=" + due);
        assertThat(onTime.path("projected").asBoolean()).isTrue();
        assertThat(onTime.path("facilityCount").asInt()).isEqualTo(1);
        assertThat(onTime.path("coveredPopulation").asDouble()).isEqualTo(100);
        // the toilets ahead: A, B and D in service; C is under construction with no planned completion, so it still waits
        assertThat(covered("&asOf=2999-01-01")).isEqualTo(100 + 200 + 400);
        assertThat(get("/api/coverage?type=public_toilet&radiusMeters=300&asOf=2999-01-01").path("facilityCount").asInt())
                .isEqualTo(3);

        // a trend into the months ahead: today, then projected points
        JsonNode trend = get("/api/coverage/trend?type=collection_point&radiusMeters=120&from=" + today + "&to="
                + today.plusMonths(2));
        List<String> got = new java.util.ArrayList<>();
        trend.path("points").forEach(p -> got.add(p.path("projected").asBoolean() + " " + p.path("coveredPopulation").asInt()));
        assertThat(got).containsExactly("false 0", "true 100", "true 100");
        String csv = new String(http.getForEntity("/api/coverage/trend.csv?type=collection_point&radiusMeters=120&from=" + today
                + "&to=" + today.plusMonths(1), byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains(today.plusMonths(1) + ",合计 total,1,700,100,14.29,是 yes");
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }

    @Test
    void aDayThatIsNoDateIsRefusedWithTheExactProblem() throws Exception {
        ResponseEntity<String> bad = http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=300&asOf=spring", String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(bad.getBody()).path("detail").asText()).isEqualTo("asOf 'spring' is not a date (YYYY-MM-DD)");
    }

    private double covered(String query) throws Exception {
        return get("/api/coverage?type=public_toilet&radiusMeters=300" + query).path("coveredPopulation").asDouble();
    }

    private JsonNode get(String url) throws Exception {
        ResponseEntity<String> r = http.getForEntity(url, String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        return json.readTree(r.getBody());
    }

    private void upload(String name, String content, String query) {
        ResponseEntity<String> r = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity(
                "/api/imports" + (query == null ? "" : "?" + query), TestUploads.file(name, content.getBytes(StandardCharsets.UTF_8)),
                String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
    }
}
