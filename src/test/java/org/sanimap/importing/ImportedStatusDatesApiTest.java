package org.sanimap.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestUploads;
import org.sanimap.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An import's {@code status_since} dates the facilities' timelines, so that the dashboard on a past date counts
 * existing stock from when it came into service, not from the day of the import.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportedStatusDatesApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, false);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private static final String HEADER = "编号,名称,类型,状态,所属区,经度,纬度,status_since\n";

    private static String ledger(String bSince, String cStatus, String cSince) {
        return HEADER + "a,东门公厕,公厕,在用,日期区,120.10,30.10,2019-05-01\n"
                + "b,西门公厕,公厕,在用,日期区,120.20,30.10," + bSince + "\n"
                + "c,南门公厕,公厕," + cStatus + ",日期区,120.30,30.10," + cSince + "\n";
    }

    @Test
    void statusDatesOfAnImportCountTheStockFromThoseDatesAndRunForward() throws Exception {
        JsonNode first = upload(ledger("", "在建", "2026年3月"));
        assertThat(first.path("created").asInt()).isEqualTo(3);
        assertThat(first.path("statusDates").asInt()).isEqualTo(2);
        // a: in service since 2019-05-01; b: no date, counted from today; c: under construction since 2026-03-01
        assertThat(counts("2020-01-01")).containsExactly("in_service=1");
        assertThat(counts("2026-03-01")).containsExactly("under_construction=1", "in_service=1");
        assertThat(counts(null)).containsExactly("under_construction=1", "in_service=2");
        JsonNode timelineA = timeline("东门公厕");
        assertThat(timelineA).hasSize(1);
        assertThat(timelineA.get(0).path("from").isNull()).isTrue();
        assertThat(timelineA.get(0).path("to").asText()).isEqualTo("in_service");
        assertThat(timelineA.get(0).path("effectiveOn").asText()).isEqualTo("2019-05-01");
        assertThat(timeline("西门公厕")).isEmpty();

        // the ledger again with b's date filled in: nothing changes in the registry, b's timeline starts on that date
        JsonNode again = upload(ledger("2021-07-01", "在建", "2026-03-01"));
        assertThat(again.path("unchanged").asInt()).isEqualTo(3);
        assertThat(again.path("statusDates").asInt()).isEqualTo(3);
        assertThat(counts("2022-01-01")).containsExactly("in_service=2");
        assertThat(timeline("西门公厕").get(0).path("effectiveOn").asText()).isEqualTo("2021-07-01");
        // a date on a facility that already has a timeline leaves it as it is
        upload(ledger("2018-01-01", "在建", "2026-03-01"));
        assertThat(timeline("西门公厕")).hasSize(1);
        assertThat(timeline("西门公厕").get(0).path("effectiveOn").asText()).isEqualTo("2021-07-01");

        // c completed on a date before its last change: refused, nothing written
        String before = http.getForEntity("/api/facilities?size=100", String.class).getBody();
        ResponseEntity<String> backwards = post(ledger("2021-07-01", "已建成", "2026-02-01"));
        assertThat(backwards.getStatusCode().is4xxClientError()).as(backwards.getBody()).isTrue();
        assertThat(json.readTree(backwards.getBody()).path("detail").asText()).isEqualTo("status_since 2026-02-01 of "
                + "ledger.csv row 4 is before the facility's last status change, on 2026-03-01; a timeline runs forward");
        assertThat(http.getForEntity("/api/facilities?size=100", String.class).getBody()).isEqualTo(before);
        assertThat(timeline("南门公厕")).hasSize(1);

        // completed on 2026-04-10: the change takes effect on that date
        assertThat(upload(ledger("2021-07-01", "已建成", "2026-04-10")).path("updated").asInt()).isEqualTo(1);
        assertThat(counts("2026-04-09")).containsExactly("under_construction=1", "in_service=2");
        assertThat(counts("2026-04-10")).containsExactly("completed=1", "in_service=2");
        JsonNode timelineC = timeline("南门公厕");
        assertThat(timelineC).hasSize(2);
        assertThat(timelineC.get(1).path("from").asText()).isEqualTo("under_construction");
        assertThat(timelineC.get(1).path("effectiveOn").asText()).isEqualTo("2026-04-10");
    }

    @Test
    void aStatusDateThatIsNoDateOrLiesAheadRejectsTheFileWithItsRow() throws Exception {
        String bad = HEADER + "x,北门公厕,公厕,在用,坏日期区,120.1,30.2,2019-13-01\n"
                + "y,北门二号,公厕,在用,坏日期区,120.1,30.3,2999-01-01\n";
        ResponseEntity<String> r = post(bad);
        assertThat(r.getStatusCode().is4xxClientError()).as(r.getBody()).isTrue();
        JsonNode errors = json.readTree(r.getBody()).path("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).asText())
                .isEqualTo("status_since '2019-13-01' is not a date (yyyy-mm-dd, yyyy-mm or yyyy, or 2019年6月1日) at row 2");
        assertThat(errors.get(1).asText()).startsWith("status_since 2999-01-01 is after today (").endsWith(") at row 3");
        assertThat(json.readTree(http.getForEntity("/api/facilities?district=坏日期区", String.class).getBody())
                .path("features")).isEmpty();
    }

    @Test
    void aLedgerDateColumnOfAnotherNameIsReadWhenNamed() throws Exception {
        String ledger = "编号,名称,类型,状态,所属区,经度,纬度,建成时间\n"
                + "e,台账公厕,公厕,在用,台账区,120.4,30.4,2016年9月\n";
        // 建成时间 is not read by itself (ledgers often hold planned dates there)
        JsonNode plain = upload(ledger);
        assertThat(plain.path("statusDates").asInt()).isZero();
        ResponseEntity<String> missing = postWith(ledger, "statusSinceColumn=竣工日期");
        assertThat(missing.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(missing.getBody()).path("detail").asText())
                .isEqualTo("column '竣工日期' not found; the header has [编号, 名称, 类型, 状态, 所属区, 经度, 纬度, 建成时间]");
        JsonNode named = json.readTree(postWith(ledger, "statusSinceColumn=建成时间").getBody());
        assertThat(named.path("statusDates").asInt()).isEqualTo(1);
        JsonNode fc = json.readTree(http.getForEntity("/api/facilities?district=台账区", String.class).getBody());
        long id = fc.path("features").get(0).path("id").asLong();
        JsonNode timeline = json.readTree(http.getForEntity("/api/facilities/" + id + "/transitions", String.class).getBody())
                .path("transitions");
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).path("effectiveOn").asText()).isEqualTo("2016-09-01");
    }

    private ResponseEntity<String> postWith(String csv, String query) {
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity("/api/imports?" + query,
                TestUploads.file("ledger.csv", csv.getBytes(StandardCharsets.UTF_8)), String.class);
    }

    /** Status counts of district 日期区 on a date (null: today), in lifecycle order. */
    private List<String> counts(String asOf) throws Exception {
        JsonNode d = json.readTree(http.getForEntity("/api/dashboard?groupBy=district,status"
                + (asOf == null ? "" : "&asOf=" + asOf), String.class).getBody());
        List<String> out = new ArrayList<>();
        for (JsonNode r : d.path("rows")) {
            if (r.path("district").asText().equals("日期区")) {
                out.add(r.path("status").asText() + "=" + r.path("count").asInt());
            }
        }
        return out;
    }

    private JsonNode timeline(String name) throws Exception {
        JsonNode fc = json.readTree(http.getForEntity("/api/facilities?district=日期区", String.class).getBody());
        for (JsonNode f : fc.path("features")) {
            if (f.path("properties").path("name").asText().equals(name)) {
                long id = f.path("id").asLong();
                return json.readTree(http.getForEntity("/api/facilities/" + id + "/transitions", String.class).getBody())
                        .path("transitions");
            }
        }
        throw new AssertionError("no facility " + name);
    }

    private JsonNode upload(String csv) throws Exception {
        ResponseEntity<String> r = post(csv);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        return json.readTree(r.getBody());
    }

    private ResponseEntity<String> post(String csv) {
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity("/api/imports",
                TestUploads.file("ledger.csv", csv.getBytes(StandardCharsets.UTF_8)), String.class);
    }
}
