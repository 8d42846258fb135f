package org.sanimap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** JSON calls to the API in tests: reads anonymously, writes as the test admin. */
public final class TestApi {

    private TestApi() {
    }

    /** GET, asserting success; the body as JSON. */
    public static JsonNode get(TestRestTemplate http, ObjectMapper json, String url) throws Exception {
        ResponseEntity<String> r = http.getForEntity(url, String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        return json.readTree(r.getBody());
    }

    /** POST of a JSON body as the test admin, whatever the answer. */
    public static ResponseEntity<String> postAsAdmin(TestRestTemplate http, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity(url, new HttpEntity<>(body, headers),
                String.class);
    }

    /** POST of a JSON body as the test admin, asserting success; the answer as JSON. */
    public static JsonNode post(TestRestTemplate http, ObjectMapper json, String url, String body) throws Exception {
        ResponseEntity<String> r = postAsAdmin(http, url, body);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        return json.readTree(r.getBody());
    }
}
