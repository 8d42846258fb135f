package org.sanimap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
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
 * The campaign of the progress issue, end to end over the API: 80 toilets in 4 districts; 20
 * completed and 60 under construction with dates; the dashboard per district; a ledger exported,
 * edited (5 statuses) and imported; an illegal ledger refused with its row number and nothing
 * applied; the history with its users; the dashboard on earlier dates; a viewer refused. Every
 * expected count is worked out here from what the test itself did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConstructionCampaignEndToEndTest {

    static final List<String> DISTRICTS = List.of("鼓楼区", "台江区", "仓山区", "晋安区");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void eightyToiletsFromPlanToCompletion() throws Exception {
        TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        createUser(admin, "li.planner", "planner");
        createUser(admin, "wang.manager", "manager");
        createUser(admin, "zhao.viewer", "viewer");
        TestRestTemplate planner = http.withBasicAuth("li.planner", "li.planner-password");
        TestRestTemplate manager = http.withBasicAuth("wang.manager", "wang.manager-password");
        TestRestTemplate viewer = http.withBasicAuth("zhao.viewer", "zhao.viewer-password");

        // 1. a project of 80 toilets, 20 per district
        StringBuilder facilities = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            facilities.append(i == 0 ? "" : ",").append("{\"lon\":").append(119.25 + (i % 10) * 0.01).append(",\"lat\":")
                    .append(26.03 + (i / 10) * 0.01).append(",\"district\":\"").append(DISTRICTS.get(i / 20))
                    .append("\",\"name\":\"公厕 ").append(i + 1).append("\"}");
        }
        ResponseEntity<String> created = send(planner, HttpMethod.POST, "/api/projects", "{\"name\":\"2026 年新建公厕 80 座\","
                + "\"facilityType\":\"public_toilet\",\"targetCount\":80,\"districts\":[\"鼓楼区\",\"台江区\",\"仓山区\",\"晋安区\"],"
                + "\"budgetYuan\":24000000,\"fundingModel\":\"government\",\"responsibleUnit\":\"市城市管理局\","
                + "\"plannedStart\":\"2026-03-01\",\"plannedEnd\":\"2026-09-30\",\"decidedOn\":\"2026-01-10\","
                + "\"facilities\":[" + facilities + "]}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode project = json.readTree(created.getBody());
        long projectId = project.path("id").asLong();
        List<Long> ids = new ArrayList<>();
        project.path("facilityIds").forEach(n -> ids.add(n.asLong()));
        assertThat(ids).hasSize(80);
        Map<Long, String> districtOf = new HashMap<>();
        for (int i = 0; i < 80; i++) {
            districtOf.put(ids.get(i), DISTRICTS.get(i / 20));
        }

        // 2. all 80 through site selection and approval, under construction in March; in each district the
        //    first 5 completed: the first 2 on 2026-05-20, the other 3 on 2026-06-25
        List<String> steps = new ArrayList<>();
        for (long id : ids) {
            steps.add(transition(id, "site_selected", "2026-02-01"));
            steps.add(transition(id, "approved", "2026-02-20"));
            steps.add(transition(id, "under_construction", "2026-03-15"));
        }
        Map<Long, String> completedOn = new LinkedHashMap<>();
        for (int d = 0; d < 4; d++) {
            for (int k = 0; k < 5; k++) {
                long id = ids.get(d * 20 + k);
                completedOn.put(id, k < 2 ? "2026-05-20" : "2026-06-25");
                steps.add(transition(id, "completed", completedOn.get(id)));
            }
        }
        ResponseEntity<String> moved = send(manager, HttpMethod.POST, "/api/transitions",
                "{\"transitions\":[" + String.join(",", steps) + "]}");
        assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(201);
        assertThat(json.readTree(moved.getBody())).hasSize(80 * 3 + 20);

        // 3. the dashboard shows exactly those counts per district
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        for (long id : ids) {
            expected.computeIfAbsent(districtOf.get(id), k -> new HashMap<>())
                    .merge(completedOn.containsKey(id) ? "completed" : "under_construction", 1, Integer::sum);
        }
        assertThat(dashboard(projectId, null)).isEqualTo(expected);
        for (String d : DISTRICTS) {
            assertThat(expected.get(d)).isEqualTo(Map.of("completed", 5, "under_construction", 15));
        }

        // 4. export the ledger, complete 5 more in it (2 in 鼓楼区, 3 in 台江区), import: the dashboard follows
        byte[] ledger = planner.getForEntity("/api/ledger?project=" + projectId, byte[].class).getBody();
        List<Long> completedInLedger = List.of(ids.get(5), ids.get(6), ids.get(25), ids.get(26), ids.get(27));
        byte[] edited = edit(ledger, sheet -> {
            for (Row row : rows(sheet)) {
                if (completedInLedger.contains(facilityId(sheet, row))) {
                    set(row, column(sheet, "状态"), "已建成");
                    set(row, column(sheet, "实际完工"), "2026-07-10");
                }
            }
        });
        ResponseEntity<String> imported = manager.postForEntity("/api/ledger", TestUploads.file("7月台账.xlsx", edited), String.class);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
        JsonNode report = json.readTree(imported.getBody());
        assertThat(report.path("rows").asInt()).isEqualTo(80);
        assertThat(report.path("transitions").asInt()).isEqualTo(5);
        assertThat(report.path("unchanged").asInt()).isEqualTo(75);
        for (long id : completedInLedger) {
            expected.get(districtOf.get(id)).merge("completed", 1, Integer::sum);
            expected.get(districtOf.get(id)).merge("under_construction", -1, Integer::sum);
        }
        assertThat(dashboard(projectId, null)).isEqualTo(expected);
        assertThat(expected.get("鼓楼区")).isEqualTo(Map.of("completed", 7, "under_construction", 13));
        assertThat(expected.get("台江区")).isEqualTo(Map.of("completed", 8, "under_construction", 12));

        // 5. an illegal transition in a ledger (planned -> in_service) is refused with its row number, and the
        //    legal change in the same file is not applied either
        long mobileProject = json.readTree(send(planner, HttpMethod.POST, "/api/projects", "{\"name\":\"移动厕所 2026\","
                + "\"facilityType\":\"mobile_toilet\",\"targetCount\":2,\"districts\":[\"鼓楼区\"],\"decidedOn\":\"2026-01-10\","
                + "\"facilities\":[{\"lon\":119.3,\"lat\":26.1,\"district\":\"鼓楼区\"},{\"lon\":119.31,\"lat\":26.1,"
                + "\"district\":\"鼓楼区\"}]}").getBody()).path("id").asLong();
        long mobile = json.readTree(http.getForEntity("/api/projects/" + mobileProject, String.class).getBody())
                .path("facilityIds").get(1).asLong();
        byte[] all = manager.getForEntity("/api/ledger", byte[].class).getBody();
        long legal = ids.get(45);
        int[] illegalRow = {0};
        byte[] illegal = edit(all, sheet -> {
            for (Row row : rows(sheet)) {
                long id = facilityId(sheet, row);
                if (id == legal) {
                    set(row, column(sheet, "状态"), "已建成");
                }
                if (id == mobile) {
                    assertThat(row.getCell(column(sheet, "状态")).getStringCellValue()).isEqualTo("规划");
                    set(row, column(sheet, "状态"), "已投用");
                    illegalRow[0] = row.getRowNum() + 1;
                }
            }
        });
        assertThat(illegalRow[0]).isEqualTo(1 + 80 + 2);
        ResponseEntity<String> refused = manager.postForEntity("/api/ledger", TestUploads.file("错误台账.xlsx", illegal), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(refused.getBody()).path("errors").toString()).isEqualTo("[\"row " + illegalRow[0]
                + ": illegal transition planned -> in_service; from planned a facility may go to site_selected, suspended, "
                + "cancelled\"]");
        assertThat(dashboard(projectId, null)).isEqualTo(expected);
        assertThat(status(legal)).isEqualTo("under_construction");
        assertThat(status(mobile)).isEqualTo("planned");

        // 6. the history shows every step with its user
        long traced = ids.get(5);
        JsonNode history = json.readTree(http.getForEntity("/api/facilities/" + traced + "/history", String.class).getBody());
        List<String> seen = new ArrayList<>();
        for (JsonNode h : history) {
            seen.add(h.path("field").asText() + " " + h.path("oldValue").asText("-") + " -> " + h.path("newValue").asText()
                    + " by " + h.path("user").asText() + (h.path("effectiveOn").isNull() ? "" : " on " + h.path("effectiveOn").asText()));
        }
        assertThat(seen).containsExactly(
                "created - -> public_toilet, planned by li.planner",
                "status planned -> site_selected by wang.manager on 2026-02-01",
                "status site_selected -> approved by wang.manager on 2026-02-20",
                "status approved -> under_construction by wang.manager on 2026-03-15",
                "status under_construction -> completed by wang.manager on 2026-07-10",
                "progressPercent 0 -> 100 by wang.manager");
        JsonNode projectHistory = json.readTree(http.getForEntity("/api/projects/" + projectId + "/history", String.class).getBody());
        assertThat(projectHistory.get(0).path("user").asText()).isEqualTo("li.planner");

        // 7. the dashboard on earlier dates shows the earlier counts
        Map<String, Map<String, Integer>> endOfMay = new LinkedHashMap<>();
        for (long id : ids) {
            boolean done = "2026-05-20".equals(completedOn.get(id));
            endOfMay.computeIfAbsent(districtOf.get(id), k -> new HashMap<>())
                    .merge(done ? "completed" : "under_construction", 1, Integer::sum);
        }
        assertThat(dashboard(projectId, "2026-05-31")).isEqualTo(endOfMay);
        assertThat(endOfMay.get("仓山区")).isEqualTo(Map.of("completed", 2, "under_construction", 18));
        Map<String, Map<String, Integer>> march = new LinkedHashMap<>();
        for (String d : DISTRICTS) {
            march.put(d, Map.of("approved", 20));
        }
        assertThat(dashboard(projectId, "2026-03-01")).isEqualTo(march);
        assertThat(json.readTree(http.getForEntity("/api/dashboard?project=" + projectId + "&asOf=2026-01-09", String.class)
                .getBody()).path("total").asInt()).isZero();

        // 8. a viewer cannot change anything
        long target = ids.get(79);
        assertThat(send(viewer, HttpMethod.POST, "/api/facilities/" + target + "/transitions", "{\"to\":\"completed\"}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(send(viewer, HttpMethod.POST, "/api/transitions", "{\"transitions\":[" + transition(target, "completed", null)
                + "]}").getStatusCode().value()).isEqualTo(403);
        assertThat(send(viewer, HttpMethod.PUT, "/api/facilities/" + target + "/progress", "{\"progressPercent\":90}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(send(viewer, HttpMethod.POST, "/api/projects", "{\"name\":\"x\",\"facilityType\":\"public_toilet\","
                + "\"targetCount\":1}").getStatusCode().value()).isEqualTo(403);
        assertThat(send(viewer, HttpMethod.PUT, "/api/projects/" + projectId, "{}").getStatusCode().value()).isEqualTo(403);
        assertThat(viewer.postForEntity("/api/ledger", TestUploads.file("l.xlsx", edited), String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(send(viewer, HttpMethod.DELETE, "/api/facilities/" + target + "?version=1", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(send(http, HttpMethod.POST, "/api/facilities/" + target + "/transitions", "{\"to\":\"completed\"}")
                .getStatusCode().value()).isEqualTo(401);
        assertThat(status(target)).isEqualTo("under_construction");
        assertThat(dashboard(projectId, null)).isEqualTo(expected);
    }

    private void createUser(TestRestTemplate admin, String name, String role) {
        assertThat(send(admin, HttpMethod.POST, "/api/users", "{\"userName\":\"" + name + "\",\"password\":\"" + name
                + "-password\",\"role\":\"" + role + "\"}").getStatusCode().value()).isEqualTo(201);
    }

    private static String transition(long id, String to, String date) {
        return "{\"facilityId\":" + id + ",\"to\":\"" + to + "\"" + (date == null ? "" : ",\"date\":\"" + date + "\"") + "}";
    }

    /** district -> status -> count, from the dashboard grouped by district and status. */
    private Map<String, Map<String, Integer>> dashboard(long projectId, String asOf) throws Exception {
        JsonNode d = json.readTree(http.getForEntity("/api/dashboard?groupBy=district,status&project=" + projectId
                + (asOf == null ? "" : "&asOf=" + asOf), String.class).getBody());
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (JsonNode r : d.path("rows")) {
            out.computeIfAbsent(r.path("district").asText(), k -> new HashMap<>()).put(r.path("status").asText(),
                    r.path("count").asInt());
        }
        return out;
    }

    private String status(long id) throws Exception {
        return json.readTree(http.getForEntity("/api/facilities/" + id, String.class).getBody()).path("properties")
                .path("status").asText();
    }

    private static ResponseEntity<String> send(TestRestTemplate client, HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }

    interface SheetEdit {
        void apply(Sheet sheet);
    }

    private static byte[] edit(byte[] xlsx, SheetEdit edit) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.apply(book.getSheetAt(0));
            book.write(out);
            return out.toByteArray();
        }
    }

    private static List<Row> rows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            rows.add(sheet.getRow(r));
        }
        return rows;
    }

    private static int column(Sheet sheet, String header) {
        for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
            if (sheet.getRow(0).getCell(c).getStringCellValue().equals(header)) {
                return c;
            }
        }
        throw new AssertionError("no column " + header);
    }

    private static long facilityId(Sheet sheet, Row row) {
        return (long) row.getCell(column(sheet, "设施编号")).getNumericCellValue();
    }

    private static void set(Row row, int column, String value) {
        (row.getCell(column) == null ? row.createCell(column) : row.getCell(column)).setCellValue(value);
    }
}
