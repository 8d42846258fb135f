package org.sanimap.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
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

/** Projects, transitions, progress and history over HTTP, with the roles that may use them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    TestRestTemplate admin;
    TestRestTemplate planner;
    TestRestTemplate manager;
    TestRestTemplate viewer;

    @BeforeEach
    void users() {
        admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        for (String role : new String[] {"planner", "manager", "viewer"}) {
            send(admin, HttpMethod.POST, "/api/users",
                    "{\"userName\":\"" + role + "-p\",\"password\":\"" + role + "-password\",\"role\":\"" + role + "\"}");
        }
        planner = http.withBasicAuth("planner-p", "planner-password");
        manager = http.withBasicAuth("manager-p", "manager-password");
        viewer = http.withBasicAuth("viewer-p", "viewer-password");
    }

    private long createProject(String name) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"facilityType\":\"public_toilet\",\"targetCount\":2,"
                + "\"districts\":[\"鼓楼区\"],\"budgetYuan\":800000,\"fundingModel\":\"ppp\",\"responsibleUnit\":\"区城管局\","
                + "\"plannedStart\":\"2026-03-01\",\"plannedEnd\":\"2026-08-31\",\"decidedOn\":\"2026-01-10\","
                + "\"facilities\":[{\"lon\":119.30,\"lat\":26.08,\"district\":\"鼓楼区\",\"name\":\"A\"},"
                + "{\"lon\":119.31,\"lat\":26.08,\"district\":\"鼓楼区\",\"name\":\"B\"}]}";
        ResponseEntity<String> created = send(planner, HttpMethod.POST, "/api/projects", body);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return json.readTree(created.getBody()).path("id").asLong();
    }

    @Test
    void theProjectListCountsEachProjectsFacilities() throws Exception {
        long two = createProject("台江区公厕 2026");
        String empty = "{\"name\":\"台江区公厕 2027\",\"facilityType\":\"public_toilet\",\"targetCount\":5,"
                + "\"districts\":[\"台江区\"],\"plannedStart\":\"2027-03-01\",\"plannedEnd\":\"2027-08-31\"}";
        ResponseEntity<String> created = send(planner, HttpMethod.POST, "/api/projects", empty);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long none = json.readTree(created.getBody()).path("id").asLong();

        JsonNode list = json.readTree(http.getForEntity("/api/projects", String.class).getBody());
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        list.forEach(p -> counts.put(p.path("id").asLong(), p.path("facilityCount").asInt(-1)));
        assertThat(counts).containsEntry(two, 2).containsEntry(none, 0);
    }

    @Test
    void aPlannerCreatesAProjectAManagerMovesItsFacilitiesAndTheHistoryNamesThem() throws Exception {
        long project = createProject("鼓楼区公厕 2026");
        JsonNode p = json.readTree(http.getForEntity("/api/projects/" + project, String.class).getBody());
        assertThat(p.path("fundingModel").asText()).isEqualTo("ppp");
        assertThat(p.path("budgetYuan").asDouble()).isEqualTo(800000.0);
        assertThat(p.path("facilityIds")).hasSize(2);
        long a = p.path("facilityIds").get(0).asLong();

        ResponseEntity<String> moved = send(manager, HttpMethod.POST, "/api/facilities/" + a + "/transitions",
                "{\"to\":\"site_selected\",\"date\":\"2026-02-01\",\"note\":\"选址批复\"}");
        assertThat(moved.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(moved.getBody()).path("user").asText()).isEqualTo("manager-p");

        ResponseEntity<String> illegal = send(manager, HttpMethod.POST, "/api/facilities/" + a + "/transitions",
                "{\"to\":\"in_service\",\"date\":\"2026-03-01\"}");
        assertThat(illegal.getStatusCode().value()).isEqualTo(400);
        assertThat(illegal.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(illegal.getBody()).path("detail").asText()).isEqualTo(
                "illegal transition site_selected -> in_service; from site_selected a facility may go to approved, suspended, cancelled");

        ResponseEntity<String> badDate = send(manager, HttpMethod.POST, "/api/facilities/" + a + "/transitions",
                "{\"to\":\"approved\",\"date\":\"2026-02-30\"}");
        assertThat(json.readTree(badDate.getBody()).path("detail").asText())
                .isEqualTo("date '2026-02-30' is not a date (YYYY-MM-DD)");

        ResponseEntity<String> denied = send(viewer, HttpMethod.POST, "/api/facilities/" + a + "/transitions",
                "{\"to\":\"approved\"}");
        assertThat(denied.getStatusCode().value()).isEqualTo(403);
        assertThat(send(manager, HttpMethod.POST, "/api/projects", "{}").getStatusCode().value()).isEqualTo(403);

        JsonNode history = json.readTree(http.getForEntity("/api/facilities/" + a + "/history", String.class).getBody());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("field").asText()).isEqualTo("created");
        assertThat(history.get(0).path("user").asText()).isEqualTo("planner-p");
        assertThat(history.get(1).path("field").asText()).isEqualTo("status");
        assertThat(history.get(1).path("oldValue").asText()).isEqualTo("planned");
        assertThat(history.get(1).path("newValue").asText()).isEqualTo("site_selected");
        assertThat(history.get(1).path("user").asText()).isEqualTo("manager-p");
        assertThat(history.get(1).path("effectiveOn").asText()).isEqualTo("2026-02-01");

        JsonNode timeline = json.readTree(http.getForEntity("/api/facilities/" + a + "/transitions", String.class).getBody());
        assertThat(timeline.path("transitions")).hasSize(2);
        assertThat(timeline.path("next").toString()).isEqualTo("[\"approved\",\"suspended\",\"cancelled\"]");
    }

    @Test
    void batchTransitionsApplyAllOrNone() throws Exception {
        long project = createProject("批量");
        JsonNode ids = json.readTree(http.getForEntity("/api/projects/" + project, String.class).getBody()).path("facilityIds");
        long a = ids.get(0).asLong();
        long b = ids.get(1).asLong();
        ResponseEntity<String> refused = send(manager, HttpMethod.POST, "/api/transitions", "{\"transitions\":["
                + "{\"facilityId\":" + a + ",\"to\":\"site_selected\",\"date\":\"2026-02-01\"},"
                + "{\"facilityId\":" + b + ",\"to\":\"approved\",\"date\":\"2026-02-01\"}]}");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).path("detail").asText()).isEqualTo("transition 2 (facility " + b
                + "): illegal transition planned -> approved; from planned a facility may go to site_selected, suspended, cancelled");
        JsonNode stillPlanned = json.readTree(http.getForEntity("/api/facilities/" + a, String.class).getBody());
        assertThat(stillPlanned.path("properties").path("status").asText()).isEqualTo("planned");

        assertThat(send(manager, HttpMethod.POST, "/api/transitions", "{\"transitions\":["
                + "{\"facilityId\":" + a + ",\"to\":\"site_selected\",\"date\":\"2026-02-01\"},"
                + "{\"facilityId\":" + b + ",\"to\":\"site_selected\",\"date\":\"2026-02-01\"}]}").getStatusCode().value())
                .isEqualTo(201);
        JsonNode progress = json.readTree(http.getForEntity("/api/projects/" + project + "/progress", String.class).getBody());
        assertThat(progress.path("byStatus").path("site_selected").asInt()).isEqualTo(2);
        // a body without the list is refused, not taken for an empty batch
        ResponseEntity<String> misnamed = send(manager, HttpMethod.POST, "/api/transitions", "{\"items\":[]}");
        assertThat(misnamed.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(misnamed.getBody()).path("detail").asText())
                .isEqualTo("transitions is required: a list of {facilityId, to, date, note, progressPercent}");
    }

    @Test
    void progressAndProjectEditsAreValidatedAndKept() throws Exception {
        long project = createProject("进度");
        long a = json.readTree(http.getForEntity("/api/projects/" + project, String.class).getBody()).path("facilityIds")
                .get(0).asLong();
        assertThat(send(manager, HttpMethod.PUT, "/api/facilities/" + a + "/progress", "{\"progressPercent\":50}")
                .getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> back = send(manager, HttpMethod.PUT, "/api/facilities/" + a + "/progress", "{\"progressPercent\":30}");
        assertThat(back.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(back.getBody()).path("detail").asText())
                .isEqualTo("progress of facility " + a + " would go back from 50% to 30%: a reason is required");

        String edit = "{\"name\":\"进度（调整）\",\"facilityType\":\"public_toilet\",\"targetCount\":3,\"districts\":[\"鼓楼区\"],"
                + "\"version\":1}";
        assertThat(send(planner, HttpMethod.PUT, "/api/projects/" + project, edit).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> stale = send(planner, HttpMethod.PUT, "/api/projects/" + project, edit);
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        JsonNode history = json.readTree(http.getForEntity("/api/projects/" + project + "/history", String.class).getBody());
        assertThat(history.get(0).path("field").asText()).isEqualTo("created");
        assertThat(history.findValuesAsText("field")).contains("name", "targetCount", "budgetYuan");
        JsonNode target = null;
        for (JsonNode h : history) {
            if (h.path("field").asText().equals("targetCount")) {
                target = h;
            }
        }
        assertThat(target.path("oldValue").asText()).isEqualTo("2");
        assertThat(target.path("newValue").asText()).isEqualTo("3");
        assertThat(target.path("user").asText()).isEqualTo("planner-p");

        ResponseEntity<String> missing = http.getForEntity("/api/projects/999999", String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(missing.getBody()).path("detail").asText()).isEqualTo("project 999999 not found");
        ResponseEntity<String> badType = send(planner, HttpMethod.POST, "/api/projects",
                "{\"name\":\"x\",\"facilityType\":\"castle\",\"targetCount\":1}");
        assertThat(badType.getStatusCode().value()).isEqualTo(400);
    }

    private static ResponseEntity<String> send(TestRestTemplate client, HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }
}
