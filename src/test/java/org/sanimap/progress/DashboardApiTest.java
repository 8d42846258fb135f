package org.sanimap.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.store.H2gisTestStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dashboards over HTTP on a small campaign built through the service: 6 toilets in two districts;
 * in 东区 two completed (May and June) and one under construction, in 西区 three planned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProgressService service;

    long project;
    List<Long> ids;

    @BeforeAll
    void campaign() {
        List<FacilityAttributes> planned = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            planned.add(new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.PLANNED, "T" + i, null,
                    i < 3 ? "东区" : "西区", null, null, null, null, null, 10 + i * 0.01, 20, FacilitySource.manual()));
        }
        project = service.createProjectWithPlannedFacilities(new ProjectDraft("看板", FacilityType.PUBLIC_TOILET, 6,
                List.of("东区", "西区"), null, null, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 1, 5)), planned, "planner").id();
        ids = service.facilityIds(project);
        for (int i = 0; i < 3; i++) {
            for (FacilityStatus s : List.of(FacilityStatus.SITE_SELECTED, FacilityStatus.APPROVED, FacilityStatus.UNDER_CONSTRUCTION)) {
                service.transition(new TransitionRequest(ids.get(i), s, LocalDate.of(2026, 3, 10), null, null), "manager");
            }
        }
        service.transition(new TransitionRequest(ids.get(0), FacilityStatus.COMPLETED, LocalDate.of(2026, 5, 20), null, null), "manager");
        service.transition(new TransitionRequest(ids.get(1), FacilityStatus.COMPLETED, LocalDate.of(2026, 6, 2), null, null), "manager");
    }

    @Test
    void countsByDistrictAndStatusTodayAndOnAnEarlierDate() throws Exception {
        JsonNode today = json.readTree(http.getForEntity("/api/dashboard?groupBy=district,status&project=" + project,
                String.class).getBody());
        assertThat(today.path("total").asInt()).isEqualTo(6);
        assertThat(rows(today)).containsExactly("东区/under_construction=1", "东区/completed=2", "西区/planned=3");
        // ordered by lifecycle within a district: under_construction before completed
        assertThat(today.path("totals").path("status").path("completed").asInt()).isEqualTo(2);

        JsonNode may = json.readTree(http.getForEntity("/api/dashboard?groupBy=district,status&asOf=2026-05-31&project="
                + project, String.class).getBody());
        assertThat(rows(may)).containsExactly("东区/under_construction=2", "东区/completed=1", "西区/planned=3");
        JsonNode beforeDecision = json.readTree(http.getForEntity("/api/dashboard?asOf=2026-01-04&project=" + project,
                String.class).getBody());
        assertThat(beforeDecision.path("total").asInt()).isZero();
    }

    private static List<String> rows(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : dashboard.path("rows")) {
            out.add(r.path("district").asText() + "/" + r.path("status").asText() + "=" + r.path("count").asInt());
        }
        return out;
    }

    @Test
    void theCampaignReportHasOneRowPerDistrictAndTypeWithATotal() throws Exception {
        String csv = new String(http.getForEntity("/api/dashboard/report.csv?project=" + project, byte[].class).getBody(),
                StandardCharsets.UTF_8);
        List<String> lines = csv.replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).startsWith("所属区 district,设施类型 facility type,合计 total,规划 planned,已选址 site_selected");
        // columns: district, type, total, then planned..decommissioned in enum order
        assertThat(lines.get(1)).isEqualTo("东区,public_toilet,3,0,0,0,1,2,0,0,0,0");
        assertThat(lines.get(2)).isEqualTo("西区,public_toilet,3,3,0,0,0,0,0,0,0,0");
        assertThat(lines.get(3)).isEqualTo("合计 total,public_toilet,6,3,0,0,1,2,0,0,0,0");

        ResponseEntity<byte[]> xlsx = http.getForEntity("/api/dashboard/report.xlsx?project=" + project, byte[].class);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("合计 total");
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(6.0);
        }
    }

    @Test
    void completionsPerMonthAndTheOverdueList() throws Exception {
        JsonNode months = json.readTree(http.getForEntity("/api/dashboard/completions?project=" + project, String.class).getBody());
        assertThat(months.toString()).isEqualTo("[{\"month\":\"2026-05\",\"completed\":1},{\"month\":\"2026-06\",\"completed\":1}]");

        // on 2026-07-01 the planned end (2026-06-30) has passed: T2 (under construction) and T3..T5 (planned) are late
        JsonNode overdue = json.readTree(http.getForEntity("/api/dashboard/overdue?asOf=2026-07-01&project=" + project,
                String.class).getBody());
        assertThat(overdue).hasSize(4);
        for (JsonNode o : overdue) {
            assertThat(o.path("overdueMilestone").asText()).isEqualTo("completion");
            assertThat(o.path("daysOverdue").asInt()).isEqualTo(1);
        }
        // on 2026-03-05 the planned start (2026-03-01) has passed for all six, none had started
        JsonNode march = json.readTree(http.getForEntity("/api/dashboard/overdue?asOf=2026-03-05&project=" + project,
                String.class).getBody());
        assertThat(march).hasSize(6);
        assertThat(march.get(0).path("overdueMilestone").asText()).isEqualTo("start");
        assertThat(march.get(0).path("daysOverdue").asInt()).isEqualTo(4);
        String csv = new String(http.getForEntity("/api/dashboard/overdue.csv?asOf=2026-03-05&project=" + project,
                byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(7);
    }

    @Test
    void badParametersAre400WithTheExactProblem() throws Exception {
        ResponseEntity<String> field = http.getForEntity("/api/dashboard?groupBy=district,colour", String.class);
        assertThat(field.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(field.getBody()).path("detail").asText())
                .isEqualTo("unknown groupBy field 'colour'; expected some of district, status, type");
        ResponseEntity<String> future = http.getForEntity("/api/dashboard?asOf=2999-01-01", String.class);
        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(future.getBody()).path("detail").asText()).startsWith("asOf 2999-01-01 is in the future");
        assertThat(http.getForEntity("/api/dashboard?asOf=yesterday", String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(http.getForEntity("/api/dashboard?project=424242", String.class).getStatusCode().value()).isEqualTo(404);
    }
}
