package org.sanimap.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.progress.ProgressService;
import org.sanimap.progress.ProjectDraft;
import org.sanimap.progress.TransitionRequest;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.Haversine;
import org.sanimap.testing.TestUploads;
import org.sanimap.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Ledgers over HTTP: export, round trip, edits applied as transitions, atomic rejection with row numbers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerApiTest {

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

    TestRestTemplate admin;
    long project;
    List<Long> ids;

    /** A project of 4 toilets: 0 under construction, 1 approved, 2 and 3 planned. */
    @BeforeEach
    void project() {
        admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        List<FacilityAttributes> planned = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            planned.add(new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.PLANNED, null, "建设路 " + i + " 号",
                    "鼓楼区", null, null, null, null, "区城管局", 119.29647 + i * 0.0012345678, 26.074508, FacilitySource.manual()));
        }
        String name = "台账 " + System.nanoTime();
        project = service.createProjectWithPlannedFacilities(new ProjectDraft(name, FacilityType.PUBLIC_TOILET, 4,
                List.of("鼓楼区"), null, null, "区城管局", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 8, 31),
                LocalDate.of(2026, 1, 1)), planned, "admin").id();
        ids = service.facilityIds(project);
        for (FacilityStatus s : List.of(FacilityStatus.SITE_SELECTED, FacilityStatus.APPROVED)) {
            service.transition(new TransitionRequest(ids.get(0), s, LocalDate.of(2026, 2, 1), null, null), "admin");
            service.transition(new TransitionRequest(ids.get(1), s, LocalDate.of(2026, 2, 1), null, null), "admin");
        }
        service.transition(new TransitionRequest(ids.get(0), FacilityStatus.UNDER_CONSTRUCTION, LocalDate.of(2026, 3, 3),
                null, 40), "admin");
    }

    private byte[] export(String query) {
        ResponseEntity<byte[]> r = http.getForEntity("/api/ledger?project=" + project + query, byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    private ResponseEntity<String> upload(TestRestTemplate client, String name, byte[] content) {
        return client.postForEntity("/api/ledger", TestUploads.file(name, content), String.class);
    }

    @Test
    void anExportedLedgerHasTheBureauColumnsAndImportsBackWithoutChange() throws Exception {
        byte[] xlsx = export("");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("序号", "项目名称", "设施类型", "所属区", "地址", "经度", "纬度", "坐标系", "状态",
                    "计划开工", "实际开工", "计划完工", "实际完工", "进度%", "责任单位", "备注", "设施编号");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("公共厕所");
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo("在建");
            assertThat(first.getCell(10).getStringCellValue()).isEqualTo("2026-03-03");
            assertThat(first.getCell(13).getNumericCellValue()).isEqualTo(40.0);
            assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("已批复");
            assertThat(sheet.getRow(4).getCell(5).getNumericCellValue()).isEqualTo(119.29647 + 3 * 0.0012345678);
        }
        JsonNode report = json.readTree(upload(admin, "ledger.xlsx", xlsx).getBody());
        assertThat(report.path("rows").asInt()).isEqualTo(4);
        assertThat(report.path("unchanged").asInt()).isEqualTo(4);
        assertThat(report.path("transitions").asInt()).isZero();

        byte[] csv = export("&format=csv&lang=en");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text.replace("\uFEFF", "").lines().findFirst().orElseThrow()).isEqualTo("No,Project,Type,District,Address,"
                + "Longitude,Latitude,CRS,Status,Planned start,Actual start,Planned completion,Actual completion,Progress %,"
                + "Responsible unit,Remark,Facility ID");
        assertThat(json.readTree(upload(admin, "ledger.csv", csv).getBody()).path("unchanged").asInt()).isEqualTo(4);
        assertThat(json.readTree(upload(admin, "ledger-zh.csv", export("&format=csv")).getBody()).path("unchanged").asInt())
                .isEqualTo(4);
    }

    @Test
    void editedStatusesBecomeTransitionsDatedFromTheLedger() throws Exception {
        byte[] edited = editXlsx(export(""), sheet -> {
            set(sheet.getRow(1), 8, "已建成");
            set(sheet.getRow(1), 12, "2026-06-18");
            set(sheet.getRow(2), 8, "在建");
            set(sheet.getRow(2), 10, "2026-04-02");
            set(sheet.getRow(2), 15, "已进场");
        });
        ResponseEntity<String> r = upload(http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD), "5月台账.xlsx", edited);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        JsonNode report = json.readTree(r.getBody());
        assertThat(report.path("transitions").asInt()).isEqualTo(2);
        assertThat(report.path("unchanged").asInt()).isEqualTo(2);

        JsonNode a = json.readTree(http.getForEntity("/api/facilities/" + ids.get(0) + "/transitions", String.class).getBody());
        JsonNode last = a.path("transitions").get(a.path("transitions").size() - 1);
        assertThat(last.path("to").asText()).isEqualTo("completed");
        assertThat(last.path("effectiveOn").asText()).isEqualTo("2026-06-18");
        assertThat(last.path("user").asText()).isEqualTo("admin");
        assertThat(last.path("note").asText()).isEqualTo("ledger 5月台账.xlsx row 2");
        assertThat(a.path("progress").path("progressPercent").asInt()).isEqualTo(100);
        JsonNode b = json.readTree(http.getForEntity("/api/facilities/" + ids.get(1) + "/progress", String.class).getBody());
        assertThat(b.path("remark").asText()).isEqualTo("已进场");
        JsonNode dashboard = json.readTree(http.getForEntity("/api/dashboard?groupBy=status&project=" + project,
                String.class).getBody());
        assertThat(dashboard.path("totals").path("status").toString())
                .isEqualTo("{\"planned\":2,\"under_construction\":1,\"completed\":1}");
    }

    @Test
    void anIllegalTransitionRejectsTheWholeFileWithItsRowNumber() throws Exception {
        byte[] edited = editXlsx(export(""), sheet -> {
            set(sheet.getRow(1), 8, "已建成");
            set(sheet.getRow(3), 8, "已投用");
            set(sheet.getRow(4), 13, "abc");
        });
        ResponseEntity<String> r = upload(admin, "bad.xlsx", edited);
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = json.readTree(r.getBody());
        assertThat(problem.path("title").asText()).isEqualTo("Import rejected, nothing was written");
        assertThat(problem.path("errors").get(0).asText()).isEqualTo("row 4: illegal transition planned -> in_service; "
                + "from planned a facility may go to site_selected, suspended, cancelled");
        assertThat(problem.path("errors").get(1).asText())
                .isEqualTo("row 5: 进度% (progress) 'abc' is not a whole number from 0 to 100");
        // the legal change of row 2 was not applied either
        JsonNode a = json.readTree(http.getForEntity("/api/facilities/" + ids.get(0), String.class).getBody());
        assertThat(a.path("properties").path("status").asText()).isEqualTo("under_construction");
    }

    @Test
    void positionsInGcj02AreStoredAsWgs84() throws Exception {
        // published pair (wandergis/coordtransform): WGS84 (116.404, 39.915) is GCJ-02 (116.41024449916938, 39.91640428150164)
        byte[] edited = editXlsx(export(""), sheet -> {
            set(sheet.getRow(3), 5, "116.41024449916938");
            set(sheet.getRow(3), 6, "39.91640428150164");
            set(sheet.getRow(3), 7, "GCJ-02");
        });
        JsonNode report = json.readTree(upload(admin, "moved.xlsx", edited).getBody());
        assertThat(report.path("registryChanges").asInt()).isEqualTo(1);
        JsonNode f = json.readTree(http.getForEntity("/api/facilities/" + ids.get(2), String.class).getBody());
        double lon = f.path("geometry").path("coordinates").get(0).asDouble();
        double lat = f.path("geometry").path("coordinates").get(1).asDouble();
        assertThat(Haversine.meters(lon, lat, 116.404, 39.915)).isLessThan(2.0);
        JsonNode history = json.readTree(http.getForEntity("/api/facilities/" + ids.get(2) + "/history", String.class).getBody());
        assertThat(history.findValuesAsText("field")).contains("lonWgs84", "latWgs84");
    }

    @Test
    void rowsWithoutAnIdAddPlannedFacilitiesForPlannersOnly() throws Exception {
        String name = service.project(project).draft().name();
        String csv = new String(export("&format=csv"), StandardCharsets.UTF_8).stripTrailing()
                + "\r\n," + name + ",公共厕所,鼓楼区,新路 1 号,119.31,26.08,WGS84,规划,2026-04-01,,2026-09-30,,0,区城管局,新增点位,\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        admin.postForEntity("/api/users", new org.springframework.http.HttpEntity<>(
                "{\"userName\":\"ledger-manager\",\"password\":\"manager-password\",\"role\":\"manager\"}", jsonHeaders()),
                String.class);
        ResponseEntity<String> refused = upload(http.withBasicAuth("ledger-manager", "manager-password"), "new.csv", bytes);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(refused.getBody()).path("errors").get(0).asText()).isEqualTo("row 6: 设施编号 (facility id) is "
                + "empty: adding facilities through a ledger needs the planner role");
        assertThat(service.facilityIds(project)).hasSize(4);

        ResponseEntity<String> added = upload(admin, "new.csv", bytes);
        assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(200);
        JsonNode report = json.readTree(added.getBody());
        assertThat(report.path("created").asInt()).isEqualTo(1);
        assertThat(report.path("unchanged").asInt()).isEqualTo(4);
        List<Long> now = service.facilityIds(project);
        assertThat(now).hasSize(5);
        long id = now.get(4);
        JsonNode f = json.readTree(http.getForEntity("/api/facilities/" + id, String.class).getBody());
        assertThat(f.path("properties").path("status").asText()).isEqualTo("planned");
        assertThat(f.path("properties").path("address").asText()).isEqualTo("新路 1 号");
        assertThat(f.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(119.31);
        JsonNode progress = json.readTree(http.getForEntity("/api/facilities/" + id + "/progress", String.class).getBody());
        assertThat(progress.path("plannedStart").asText()).isEqualTo("2026-04-01");
        assertThat(progress.path("remark").asText()).isEqualTo("新增点位");
    }

    @Test
    void viewersCannotImportAndGarbageIsRejected() throws Exception {
        admin.postForEntity("/api/users", new org.springframework.http.HttpEntity<>(
                "{\"userName\":\"ledger-viewer\",\"password\":\"viewer-password\",\"role\":\"viewer\"}", jsonHeaders()), String.class);
        ResponseEntity<String> denied = upload(http.withBasicAuth("ledger-viewer", "viewer-password"), "l.xlsx", export(""));
        assertThat(denied.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> noId = upload(admin, "x.csv", "状态,备注\n在建,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noId.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(noId.getBody()).path("detail").asText()).startsWith("the ledger has no 设施编号 (Facility ID) column");
        ResponseEntity<String> format = http.getForEntity("/api/ledger?format=pdf", String.class);
        assertThat(format.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(format.getBody()).path("detail").asText()).isEqualTo("unknown ledger format 'pdf'; expected xlsx or csv");
    }

    private static org.springframework.http.HttpHeaders jsonHeaders() {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return h;
    }

    interface SheetEdit {
        void apply(Sheet sheet);
    }

    static byte[] editXlsx(byte[] xlsx, SheetEdit edit) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.apply(book.getSheetAt(0));
            book.write(out);
            return out.toByteArray();
        }
    }

    static void set(Row row, int column, String value) {
        (row.getCell(column) == null ? row.createCell(column) : row.getCell(column)).setCellValue(value);
    }
}
