package org.sanimap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteCommandTest {

    static final Path SCP = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared")).resolve("bench/scp");

    @Test
    void solvesScp42AtItsPublishedOptimum() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SiteCommand.run(List.of("--orlib-scp", SCP.resolve("scp42.txt").toString(), "--out", "-"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        // shared/bench/scp/optima.csv: scp42 weighted optimum 512
        assertThat(result.path("status").asText()).isEqualTo("optimal");
        assertThat(result.path("objective").asDouble()).isEqualTo(512.0);
        assertThat(result.path("bound").asDouble()).isEqualTo(512.0);
        assertThat(result.path("chosen").size()).isPositive();
        assertThat(result.path("timingsMillis").has("build")).isTrue();
        assertThat(result.path("timingsMillis").has("solve")).isTrue();
    }

    @Test
    void modelsNotBuiltYetAreRefusedClearly() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SiteCommand.run(List.of("--out", "-"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: only --orlib-scp is available so far");
    }
}
