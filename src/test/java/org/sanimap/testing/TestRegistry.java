package org.sanimap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Finding stored facilities through the API in tests. */
public final class TestRegistry {

    private TestRegistry() {
    }

    /** The id of the facility with this source key (e.g. {@code osm:node/7}); fails the test when there is none. */
    public static long idOfSource(TestRestTemplate http, ObjectMapper json, String sourceKey) throws Exception {
        for (JsonNode f : json.readTree(http.getForObject("/api/facilities?size=5000", String.class)).path("features")) {
            if (f.path("properties").path("sourceKey").asText().equals(sourceKey)) {
                return f.path("id").asLong();
            }
        }
        throw new AssertionError("no facility with source key " + sourceKey);
    }
}
