package org.sanimap.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImportFormatDetectorTest {

    @Test
    void recognisesTheRealFiles() throws Exception {
        assertThat(detect(TestFiles.POA_PBF, "x")).contains(ImportFormat.OSM_PBF);
        assertThat(detect(TestFiles.HELSINKI_PBF, "x")).contains(ImportFormat.OSM_PBF);
        assertThat(detect(TestFiles.HELSINKI_GRID, "x")).contains(ImportFormat.GPKG);
        assertThat(detect(TestFiles.POA_HEXGRID, "x")).contains(ImportFormat.CSV);
    }

    @Test
    void recognisesTextFormats() {
        assertThat(ImportFormatDetector.detect(bytes("\uFEFF<?xml version='1.0'?>\n<osm version=\"0.6\">"), null))
                .contains(ImportFormat.OSM_XML);
        assertThat(ImportFormatDetector.detect(bytes("  {\"type\": \"FeatureCollection\", \"features\": []}"), null))
                .contains(ImportFormat.GEOJSON);
        assertThat(ImportFormatDetector.detect(bytes("名称;经度;纬度\n公厕;119.3;26.1"), null)).contains(ImportFormat.CSV);
        assertThat(ImportFormatDetector.detect(bytes("just one line of prose"), null)).isEmpty();
        assertThat(ImportFormatDetector.detect(bytes("<html><body/></html>"), null)).isEmpty();
    }

    @Test
    void randomBytesAreNothing() {
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            byte[] garbage = new byte[64 * 1024];
            random.nextBytes(garbage);
            assertThat(ImportFormatDetector.detect(garbage, "garbage.csv")).isEmpty();
        }
    }

    private static java.util.Optional<ImportFormat> detect(Path file, String name) throws Exception {
        byte[] all = Files.readAllBytes(file);
        return ImportFormatDetector.detect(Arrays.copyOf(all, Math.min(all.length, 64 * 1024)), name);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
