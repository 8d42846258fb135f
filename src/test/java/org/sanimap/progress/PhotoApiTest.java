package org.sanimap.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Photos on transitions: only images, size-limited, stored under names of our own, served back unchanged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sanimap.progress.max-photo-size-bytes=20000")
class PhotoApiTest {

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

    private long plannedFacility() {
        String name = "照片 " + System.nanoTime();
        Project p = service.createProjectWithPlannedFacilities(new ProjectDraft(name, FacilityType.PUBLIC_TOILET, 1, List.of(),
                null, null, null, null, null, LocalDate.of(2026, 1, 1)), List.of(new FacilityAttributes(FacilityType.PUBLIC_TOILET,
                FacilityStatus.PLANNED, "p", null, null, null, null, null, null, null, 1, 1, FacilitySource.manual())), "planner");
        return service.facilityIds(p.id()).get(0);
    }

    private ResponseEntity<String> post(long id, String to, Object... files) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("to", to);
        form.add("date", "2026-02-01");
        form.add("note", "现场照片");
        for (int i = 0; i < files.length; i += 2) {
            String name = (String) files[i];
            form.add("photos", new ByteArrayResource((byte[]) files[i + 1]) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity("/api/facilities/" + id + "/transitions",
                new HttpEntity<>(form, headers), String.class);
    }

    static byte[] png(int size) throws Exception {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x2e7d32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void photosAreStoredWithTheTransitionAndServedBackUnchanged() throws Exception {
        long id = plannedFacility();
        byte[] image = png(4);
        ResponseEntity<String> r = post(id, "site_selected", "../../etc/现场.png", image);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        JsonNode photo = json.readTree(r.getBody()).path("photos").get(0);
        assertThat(photo.path("fileName").asText()).isEqualTo("现场.png");
        assertThat(photo.path("mediaType").asText()).isEqualTo("image/png");
        assertThat(photo.path("sizeBytes").asLong()).isEqualTo(image.length);
        assertThat(photo.path("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image)));

        JsonNode timeline = json.readTree(http.getForEntity("/api/facilities/" + id + "/transitions", String.class).getBody());
        assertThat(timeline.path("transitions").get(1).path("photos").get(0).path("id").asLong()).isEqualTo(photo.path("id").asLong());
        ResponseEntity<byte[]> served = http.getForEntity(photo.path("url").asText(), byte[].class);
        assertThat(served.getBody()).isEqualTo(image);
        assertThat(served.getHeaders().getContentType().toString()).isEqualTo("image/png");
        assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void otherFilesAndLargePhotosAreRefusedAndNothingChanges() throws Exception {
        long id = plannedFacility();
        ResponseEntity<String> html = post(id, "site_selected", "photo.jpg", "<script>alert(1)</script>".getBytes());
        assertThat(html.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(html.getBody()).path("detail").asText())
                .isEqualTo("photo 'photo.jpg' is not a JPEG, PNG or WebP image");
        byte[] large = new byte[20001];
        large[0] = (byte) 0xFF;
        large[1] = (byte) 0xD8;
        large[2] = (byte) 0xFF;
        ResponseEntity<String> big = post(id, "site_selected", "big.jpg", large);
        assertThat(big.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(big.getBody()).path("detail").asText())
                .isEqualTo("photo 'big.jpg' has 20001 bytes; the limit is 20000 bytes");
        // an illegal transition with a good photo stores neither
        ResponseEntity<String> illegal = post(id, "approved", "ok.png", png(2));
        assertThat(illegal.getStatusCode().value()).isEqualTo(400);
        assertThat(service.timeline(id)).hasSize(1);
        assertThat(service.photos(id)).isEmpty();
        assertThat(http.getForEntity("/api/photos/999999", String.class).getStatusCode().value()).isEqualTo(404);
    }
}
