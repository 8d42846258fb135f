package org.sanimap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Multipart bodies for upload endpoints in tests. */
public final class TestUploads {

    private TestUploads() {
    }

    /** A multipart form with one part {@code file} named {@code fileName}. */
    public static HttpEntity<MultiValueMap<String, Object>> file(String fileName, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }

    /**
     * Imports a text file through {@code POST /api/imports} as the test admin, asserting it was accepted;
     * returns the import report.
     */
    public static JsonNode importFile(TestRestTemplate http, ObjectMapper json, String fileName, String content, String query)
            throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity(
                "/api/imports" + (query == null ? "" : "?" + query), file(fileName, content.getBytes(StandardCharsets.UTF_8)),
                String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        return json.readTree(r.getBody());
    }
}
