package org.sanimap.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
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

/** Roles and sign-in over HTTP: anonymous reading, Basic credentials, 401 and 403 as problem+json. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private static final String FEATURE = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},"
            + "\"properties\":{\"type\":\"public_toilet\"}}";

    @Test
    void anonymousVisitorsReadButCannotWrite() throws Exception {
        assertThat(http.getForEntity("/api/facilities", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/", String.class).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> post = send(http, HttpMethod.POST, "/api/facilities", FEATURE);
        assertThat(post.getStatusCode().value()).isEqualTo(401);
        assertThat(post.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(post.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Basic realm=\"Sanimap\"");
        assertThat(json.readTree(post.getBody()).path("detail").asText())
                .isEqualTo("sign in to POST /api/facilities: use the map's sign-in or send HTTP Basic credentials");
        JsonNode me = json.readTree(http.getForEntity("/api/users/me", String.class).getBody());
        assertThat(me.path("authenticated").asBoolean()).isFalse();
    }

    @Test
    void theFirstAdminCreatesUsersWhoseRolesLimitWhatTheyMayDo() throws Exception {
        TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        ResponseEntity<String> created = send(admin, HttpMethod.POST, "/api/users",
                "{\"userName\":\"viewer1\",\"password\":\"viewer-pass-1\",\"role\":\"viewer\"}");
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(created.getBody()).path("role").asText()).isEqualTo("viewer");
        assertThat(created.getBody()).doesNotContain("viewer-pass-1").doesNotContain("password");
        assertThat(send(admin, HttpMethod.POST, "/api/users",
                "{\"userName\":\"planner1\",\"password\":\"planner-pass-1\",\"role\":\"planner\"}").getStatusCode().value())
                .isEqualTo(201);

        TestRestTemplate viewer = http.withBasicAuth("viewer1", "viewer-pass-1");
        ResponseEntity<String> denied = send(viewer, HttpMethod.POST, "/api/facilities", FEATURE);
        assertThat(denied.getStatusCode().value()).isEqualTo(403);
        assertThat(json.readTree(denied.getBody()).path("detail").asText())
                .isEqualTo("user 'viewer1' (role viewer) may not POST /api/facilities");
        assertThat(viewer.getForEntity("/api/users", String.class).getStatusCode().value()).isEqualTo(403);
        JsonNode me = json.readTree(viewer.getForEntity("/api/users/me", String.class).getBody());
        assertThat(me.path("userName").asText()).isEqualTo("viewer1");
        assertThat(me.path("role").asText()).isEqualTo("viewer");

        TestRestTemplate planner = http.withBasicAuth("planner1", "planner-pass-1");
        assertThat(send(planner, HttpMethod.POST, "/api/facilities", FEATURE).getStatusCode().value()).isEqualTo(201);
        assertThat(send(planner, HttpMethod.POST, "/api/users",
                "{\"userName\":\"x\",\"password\":\"xxxxxxxxxx\",\"role\":\"admin\"}").getStatusCode().value()).isEqualTo(403);

        ResponseEntity<String> wrong = send(http.withBasicAuth("viewer1", "not-the-password"), HttpMethod.GET, "/api/facilities", null);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(json.readTree(wrong.getBody()).path("detail").asText()).isEqualTo("user name or password is wrong");
    }

    @Test
    void sitingRunsAndAcceptsNeedAPlannerWhileReadingStaysOpen() throws Exception {
        TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        send(admin, HttpMethod.POST, "/api/users", "{\"userName\":\"manager-s\",\"password\":\"manager-pass\",\"role\":\"manager\"}");
        send(admin, HttpMethod.POST, "/api/users", "{\"userName\":\"planner-s\",\"password\":\"planner-pass\",\"role\":\"planner\"}");
        TestRestTemplate manager = http.withBasicAuth("manager-s", "manager-pass");
        TestRestTemplate planner = http.withBasicAuth("planner-s", "planner-pass");
        for (String[] call : new String[][] {{"POST", "/api/siting"}, {"DELETE", "/api/siting/7"}, {"POST", "/api/siting/7/accept"}}) {
            HttpMethod method = HttpMethod.valueOf(call[0]);
            assertThat(send(http, method, call[1], "{}").getStatusCode().value()).as(call[1]).isEqualTo(401);
            assertThat(send(manager, method, call[1], "{}").getStatusCode().value()).as(call[1]).isEqualTo(403);
            // past security: the siting endpoints themselves come with the siting feature
            assertThat(send(planner, method, call[1], "{}").getStatusCode().value()).as(call[1]).isNotIn(401, 403);
        }
        assertThat(http.getForEntity("/api/siting/7", String.class).getStatusCode().value()).isNotIn(401, 403);
    }

    @Test
    void anAdminChangesRolesPasswordsAndSignInButNeverLeavesNoAdmin() throws Exception {
        TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        send(admin, HttpMethod.POST, "/api/users", "{\"userName\":\"edit-me\",\"password\":\"first-pass-1\",\"role\":\"viewer\"}");
        TestRestTemplate first = http.withBasicAuth("edit-me", "first-pass-1");
        assertThat(send(first, HttpMethod.POST, "/api/facilities", FEATURE).getStatusCode().value()).isEqualTo(403);

        // a viewer made planner may write the registry with the same credentials
        ResponseEntity<String> promoted = send(admin, HttpMethod.PATCH, "/api/users/edit-me", "{\"role\":\"planner\"}");
        assertThat(promoted.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(promoted.getBody()).path("role").asText()).isEqualTo("planner");
        assertThat(json.readTree(promoted.getBody()).path("enabled").asBoolean()).isTrue();
        assertThat(send(first, HttpMethod.POST, "/api/facilities", FEATURE).getStatusCode().value()).isEqualTo(201);

        // a new password: the old one stops working, the role stays
        assertThat(send(admin, HttpMethod.PATCH, "/api/users/edit-me", "{\"password\":\"second-pass-2\"}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(send(first, HttpMethod.GET, "/api/facilities", null).getStatusCode().value()).isEqualTo(401);
        TestRestTemplate second = http.withBasicAuth("edit-me", "second-pass-2");
        assertThat(json.readTree(second.getForEntity("/api/users/me", String.class).getBody()).path("role").asText())
                .isEqualTo("planner");

        // disabled: no more sign-in
        assertThat(send(admin, HttpMethod.PATCH, "/api/users/edit-me", "{\"enabled\":false}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(send(second, HttpMethod.GET, "/api/facilities", null).getStatusCode().value()).isEqualTo(401);

        ResponseEntity<String> nobody = send(admin, HttpMethod.PATCH, "/api/users/nobody", "{\"role\":\"viewer\"}");
        assertThat(nobody.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(nobody.getBody()).path("detail").asText()).isEqualTo("user 'nobody' not found");
        ResponseEntity<String> shortPassword = send(admin, HttpMethod.PATCH, "/api/users/edit-me", "{\"password\":\"short\"}");
        assertThat(shortPassword.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(shortPassword.getBody()).path("detail").asText()).isEqualTo("password must have at least 8 characters");
        assertThat(send(http.withBasicAuth("edit-me", "second-pass-2"), HttpMethod.PATCH, "/api/users/edit-me",
                "{\"enabled\":true}").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedOrDisabled() throws Exception {
        TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        send(admin, HttpMethod.POST, "/api/users", "{\"userName\":\"admin-two\",\"password\":\"admin-two-pass\",\"role\":\"admin\"}");
        // with two admins, one may step down
        ResponseEntity<String> down = send(admin, HttpMethod.PATCH, "/api/users/admin-two", "{\"role\":\"manager\"}");
        assertThat(down.getStatusCode().value()).isEqualTo(200);
        List<String> enabledAdmins = new ArrayList<>();
        json.readTree(admin.getForEntity("/api/users", String.class).getBody()).forEach(u -> {
            if (u.path("role").asText().equals("admin") && u.path("enabled").asBoolean()) {
                enabledAdmins.add(u.path("userName").asText());
            }
        });
        assertThat(enabledAdmins).containsExactly(TestUsers.ADMIN);
        // the one left may not
        String expected = "user '" + TestUsers.ADMIN + "' is the last enabled admin: make another user admin before changing"
                + " its role or disabling it";
        for (String change : List.of("{\"role\":\"planner\"}", "{\"enabled\":false}")) {
            ResponseEntity<String> refused = send(admin, HttpMethod.PATCH, "/api/users/" + TestUsers.ADMIN, change);
            assertThat(refused.getStatusCode().value()).as(change).isEqualTo(400);
            assertThat(json.readTree(refused.getBody()).path("detail").asText()).isEqualTo(expected);
        }
        // a change that keeps it an enabled admin is fine
        assertThat(send(admin, HttpMethod.PATCH, "/api/users/" + TestUsers.ADMIN, "{\"role\":\"admin\",\"enabled\":true}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(admin.getForEntity("/api/users", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void badUserInputIsA400WithTheExactProblem() throws Exception {
        TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(json.readTree(send(admin, HttpMethod.POST, "/api/users",
                "{\"userName\":\"m1\",\"password\":\"short\",\"role\":\"manager\"}").getBody()).path("detail").asText())
                .isEqualTo("password must have at least 8 characters");
        ResponseEntity<String> role = send(admin, HttpMethod.POST, "/api/users",
                "{\"userName\":\"m1\",\"password\":\"long-enough\",\"role\":\"boss\"}");
        assertThat(role.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(role.getBody()).path("detail").asText())
                .isEqualTo("unknown role 'boss'; expected one of viewer, manager, planner, admin");
        assertThat(send(admin, HttpMethod.POST, "/api/users",
                "{\"userName\":\"admin\",\"password\":\"long-enough\",\"role\":\"viewer\"}").getStatusCode().value()).isEqualTo(400);
    }

    static ResponseEntity<String> send(TestRestTemplate client, HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }
}
