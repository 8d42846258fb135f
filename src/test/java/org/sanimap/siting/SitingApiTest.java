package org.sanimap.siting;

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

/** Siting on the Porto Alegre demo city through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SitingApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, true);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.context.ApplicationContext context;

    private TestRestTemplate planner() {
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return planner().postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(http.getForEntity(path, String.class).getBody());
    }

    @Test
    void aPlannerSitesTwentyToiletsSeesWhatEachAddsAndAcceptsThemAsPlanned() throws Exception {
        ResponseEntity<String> response = post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":20,"
                + "\"radiusMeters\":300,\"candidates\":{\"source\":\"grid\",\"spacingMeters\":100},\"timeLimitSeconds\":60}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode job = json.readTree(response.getBody());
        assertThat(job.path("state").asText()).isEqualTo("done");
        JsonNode answer = job.path("result");
        assertThat(answer.path("status").asText()).isIn("optimal", "feasible");
        JsonNode proposals = answer.path("proposals");
        assertThat(proposals).hasSize(20);
        double sum = 0;
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode p : proposals) {
            double added = p.path("populationAdded").asDouble();
            assertThat(added).isPositive().isLessThanOrEqualTo(previous);
            previous = added;
            sum += added;
        }
        assertThat(sum).isEqualTo(answer.path("objective").asDouble());
        JsonNode before = get("/api/coverage?type=public_toilet&radiusMeters=300&include=under_construction,completed");
        assertThat(answer.path("existingCoveredPopulation").asDouble()).isEqualTo(before.path("coveredPopulation").asDouble());
        String csv = new String(http.getForObject("/api/siting/" + job.path("id").asText() + "/proposals.csv", byte[].class),
                java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(21);
        assertThat(lines.get(1)).startsWith("1,");

        ResponseEntity<String> accepted = post("/api/siting/" + job.path("id").asText() + "/accept",
                "{\"projectName\":\"2027 toilet campaign\",\"responsibleUnit\":\"环卫处\"}");
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
        JsonNode created = json.readTree(accepted.getBody());
        assertThat(created.path("facilityIds")).hasSize(20);
        // the project holds the 20 planned toilets, and its history names who accepted them
        JsonNode project = get("/api/projects/" + created.path("projectId").asLong());
        assertThat(project.toString()).contains("2027 toilet campaign");
        JsonNode history = get("/api/facilities/" + created.path("facilityIds").get(0).asLong() + "/history");
        assertThat(history.toString()).contains(TestUsers.ADMIN);
        try {
            JsonNode planned = get("/api/facilities?status=planned&type=public_toilet");
            assertThat(planned.path("totalCount").asInt()).isEqualTo(20);
            assertThat(planned.path("features").get(0).path("properties").path("name").asText()).startsWith("2027 toilet campaign #");
            // the coverage engine, counting the planned toilets, finds exactly the population the siting promised
            JsonNode after = get("/api/coverage?type=public_toilet&radiusMeters=300&include=under_construction,completed,planned");
            assertThat(after.path("coveredPopulation").asDouble()).isEqualTo(answer.path("coveredPopulationAfter").asDouble());
            assertThat(post("/api/siting/" + job.path("id").asText() + "/accept", "{\"projectName\":\"again\",\"ranks\":[1]}")
                    .getStatusCode().value()).isEqualTo(409);
            // a viewer (here: anonymous) may read runs but not start or accept them
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            assertThat(http.postForEntity("/api/siting", new HttpEntity<>("{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":1}",
                    headers), String.class).getStatusCode().value()).isEqualTo(401);
            assertThat(http.getForEntity("/api/siting/" + job.path("id").asText(), String.class).getStatusCode().value()).isEqualTo(200);
        } finally {
            for (JsonNode id : created.path("facilityIds")) {
                JsonNode f = get("/api/facilities/" + id.asLong());
                planner().delete("/api/facilities/" + id.asLong() + "?version=" + f.path("properties").path("version").asLong());
            }
        }
    }

    @Test
    void walkingSitingOnNetworkNodesPromisesWhatWalkingCoverageThenFinds() throws Exception {
        ResponseEntity<String> response = post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":5,"
                + "\"radiusMeters\":300,\"metric\":\"walking\",\"candidates\":{\"source\":\"network\"},\"timeLimitSeconds\":60}");
        JsonNode job = json.readTree(response.getBody());
        assertThat(job.path("state").asText()).as(response.getBody()).isEqualTo("done");
        JsonNode answer = job.path("result");
        assertThat(answer.path("metric").asText()).isEqualTo("walking");
        assertThat(answer.path("proposals")).hasSize(5);
        JsonNode created = json.readTree(post("/api/siting/" + job.path("id").asText() + "/accept",
                "{\"projectName\":\"walking test\"}").getBody());
        try {
            // the walking coverage engine, counting the accepted sites, finds what the siting promised
            JsonNode after = get("/api/coverage?type=public_toilet&radiusMeters=300&metric=walking"
                    + "&include=under_construction,completed,planned");
            assertThat(after.path("coveredPopulation").asDouble()).isEqualTo(answer.path("coveredPopulationAfter").asDouble());
            JsonNode before = get("/api/coverage?type=public_toilet&radiusMeters=300&metric=walking&include=under_construction,completed");
            assertThat(answer.path("existingCoveredPopulation").asDouble()).isEqualTo(before.path("coveredPopulation").asDouble());
        } finally {
            for (JsonNode id : created.path("facilityIds")) {
                JsonNode f = get("/api/facilities/" + id.asLong());
                planner().delete("/api/facilities/" + id.asLong() + "?version=" + f.path("properties").path("version").asLong());
            }
        }
    }

    @Test
    void exclusionsKeepSitesOutAndALayerOfParcelsIsUsedAsGiven() throws Exception {
        JsonNode free = json.readTree(post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":1,"
                + "\"radiusMeters\":300,\"exact\":false}").getBody()).path("result");
        double lon = free.path("proposals").get(0).path("lonWgs84").asDouble();
        double lat = free.path("proposals").get(0).path("latWgs84").asDouble();
        String box = String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                lon - 0.01, lat - 0.01, lon + 0.01, lat - 0.01, lon + 0.01, lat + 0.01, lon - 0.01, lat + 0.01, lon - 0.01, lat - 0.01);
        JsonNode excluded = json.readTree(post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":3,"
                + "\"radiusMeters\":300,\"exclusions\":" + box + "}").getBody()).path("result");
        for (JsonNode p : excluded.path("proposals")) {
            boolean inside = Math.abs(p.path("lonWgs84").asDouble() - lon) <= 0.01 && Math.abs(p.path("latWgs84").asDouble() - lat) <= 0.01;
            assertThat(inside).as("proposal %s inside the exclusion", p).isFalse();
        }
        String parcels = String.format(java.util.Locale.ROOT, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"id\":\"parcel-A\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%f,%f]},\"properties\":{}},"
                + "{\"type\":\"Feature\",\"properties\":{\"id\":\"parcel-B\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-51.0,-29.0]}}]}",
                lon, lat);
        JsonNode layer = json.readTree(post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":1,"
                + "\"radiusMeters\":300,\"candidates\":{\"source\":\"layer\",\"points\":" + parcels + "}}").getBody()).path("result");
        assertThat(layer.path("candidateSites").asInt()).isEqualTo(2);
        assertThat(layer.path("proposals").get(0).path("candidateId").asText()).isEqualTo("parcel-A");
        assertThat(layer.path("objective").asDouble()).isEqualTo(free.path("proposals").get(0).path("populationAdded").asDouble());
    }

    @Test
    void aLongRunCanBeFollowedAndCancelled() throws Exception {
        ResponseEntity<String> started = post("/api/siting", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":150,"
                + "\"radiusMeters\":300,\"candidates\":{\"spacingMeters\":50},\"timeLimitSeconds\":300}");
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String id = json.readTree(started.getBody()).path("id").asText();
        assertThat(started.getHeaders().getLocation()).hasToString("/api/siting/" + id);
        // runs go one at a time: a second one waits, and cancelling it while it waits ends it unrun
        String queued = json.readTree(post("/api/siting", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":2,"
                + "\"radiusMeters\":300}").getBody()).path("id").asText();
        JsonNode queuedCancel = json.readTree(planner().exchange("/api/siting/" + queued, HttpMethod.DELETE, null, String.class).getBody());
        assertThat(queuedCancel.path("state").asText()).isEqualTo("cancelled");
        List<String> states = new ArrayList<>();
        JsonNode now = get("/api/siting/" + id);
        while (!now.path("phase").asText().equals("exact search") && !now.path("state").asText().equals("done")) {
            states.add(now.path("state").asText());
            Thread.sleep(100);
            now = get("/api/siting/" + id);
        }
        planner().exchange("/api/siting/" + id, HttpMethod.DELETE, null, String.class);
        long until = System.currentTimeMillis() + 30_000;
        while (!List.of("cancelled", "done").contains(now.path("state").asText()) && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            now = get("/api/siting/" + id);
        }
        assertThat(now.path("state").asText()).isIn("cancelled", "done");
        assertThat(now.path("result").path("proposals")).hasSize(150);
        JsonNode never = get("/api/siting/" + queued);
        assertThat(never.path("state").asText()).isEqualTo("cancelled");
        assertThat(never.path("result").isNull()).isTrue();
        assertThat(never.path("elapsedMillis").asLong()).isZero();
        assertThat(now.path("elapsedMillis").asLong()).isLessThan(120_000);
    }

    @Test
    void badRequestsAreRefusedWithTheExactProblem() throws Exception {
        JsonNode missingP = json.readTree(post("/api/siting", "{\"type\":\"public_toilet\",\"model\":\"mclp\"}").getBody());
        assertThat(missingP.path("detail").asText()).isEqualTo("p null out of range [1, 5000]; mclp needs the number of new sites");
        JsonNode unknown = json.readTree(post("/api/siting", "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":2,\"radius\":3}").getBody());
        assertThat(unknown.path("detail").asText()).startsWith("unknown field 'radius'");
        JsonNode badType = json.readTree(post("/api/siting", "{\"type\":\"bench\",\"model\":\"mclp\",\"p\":2}").getBody());
        assertThat(badType.path("detail").asText()).startsWith("unknown facility type 'bench'");
        ResponseEntity<String> missing = http.getForEntity("/api/siting/nope", String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        JsonNode lscp = json.readTree(post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"lscp\",\"radiusMeters\":300,"
                + "\"targetCoverage\":0.5}").getBody());
        assertThat(lscp.path("result").path("status").asText()).isEqualTo("optimal");
        assertThat(lscp.path("result").path("coveredPopulationAfter").asDouble())
                .isGreaterThanOrEqualTo(0.5 * lscp.path("result").path("totalPopulation").asDouble());
        // no candidate left: the run says why (it once said "all excluded?" also where none was excluded)
        JsonNode tooShort = json.readTree(post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"lscp\","
                + "\"radiusMeters\":1}").getBody());
        assertThat(tooShort.path("state").asText()).isEqualTo("failed");
        assertThat(tooShort.path("error").asText()).startsWith("no point of the candidate grid lies within 1.0 m of the ")
                .endsWith(" uncovered demand cells: widen the radius or make the grid finer");
        String wholeCity = "{\"type\":\"Polygon\",\"coordinates\":[[[-52,-31],[-50,-31],[-50,-29],[-52,-29],[-52,-31]]]}";
        JsonNode allExcluded = json.readTree(post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"mclp\","
                + "\"p\":2,\"radiusMeters\":300,\"exclusions\":" + wholeCity + "}").getBody());
        assertThat(allExcluded.path("error").asText()).matches("all [1-9][0-9]* candidate sites lie inside the exclusion polygons");
    }

    /** A second service over the same store and beans, as after a restart of the server: nothing in memory. */
    private SitingService restarted() {
        return restarted(context.getBean(SitingSettings.class));
    }

    private SitingService restarted(SitingSettings settings) {
        return new SitingService(context.getBean(org.sanimap.facility.FacilityService.class),
                context.getBean(org.sanimap.demand.DemandService.class), context.getBean(org.sanimap.network.NetworkService.class),
                context.getBean(org.sanimap.standards.StandardsService.class), context.getBean(org.sanimap.progress.ProgressService.class),
                context.getBean(SitingRunRepository.class), json,
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class), settings);
    }

    @Test
    void onlyTheLatestEndedRunsStayStoredButAcceptedOnesAlways() throws Exception {
        SitingService keepingOne = restarted(new SitingSettings(1));
        String body = "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":2,\"radiusMeters\":300,\"exact\":false}";
        try {
            SitingJob accepted = keepingOne.await(keepingOne.submit(SitingRequest.fromJson(json.readTree(body)),
                    json.readTree(body), TestUsers.ADMIN).id());
            keepingOne.accept(accepted.id(), "保留的选址 " + accepted.id(), List.of(1), null, TestUsers.ADMIN);
            SitingJob older = keepingOne.await(keepingOne.submit(SitingRequest.fromJson(json.readTree(body)),
                    json.readTree(body), TestUsers.ADMIN).id());
            SitingJob latest = keepingOne.await(keepingOne.submit(SitingRequest.fromJson(json.readTree(body)),
                    json.readTree(body), TestUsers.ADMIN).id());

            // when the latest ended, the older one went (store and memory); the accepted one stays
            SitingService fresh = restarted();
            assertThat(fresh.job(latest.id()).state()).isEqualTo("done");
            assertThat(fresh.job(accepted.id()).state()).isEqualTo("done");
            for (SitingService s : List.of(fresh, keepingOne)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.job(older.id()))
                        .hasMessageContaining("no siting run " + older.id());
            }
        } finally {
            keepingOne.stop();
        }
    }

    @Test
    void runsAreStoredListedAndStillAcceptableAfterARestartButOnlyOnce() throws Exception {
        String body = "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":3,\"radiusMeters\":300,\"exact\":false}";
        JsonNode first = json.readTree(post("/api/siting?wait=true", body).getBody());
        String id = first.path("id").asText();
        assertThat(first.path("submittedBy").asText()).isEqualTo(TestUsers.ADMIN);
        assertThat(first.path("request")).isEqualTo(json.readTree(body));

        SitingService after = restarted();
        SitingJob stored = after.job(id);
        assertThat(stored.state()).isEqualTo("done");
        assertThat(stored.submittedBy()).isEqualTo(TestUsers.ADMIN);
        assertThat(stored.request()).isEqualTo(json.readTree(body));
        // the stored answer is the one the run gave, proposal for proposal
        JsonNode storedAnswer = json.readTree(json.writeValueAsString(stored.result())); // as the API would write it
        assertThat(storedAnswer).isEqualTo(first.path("result"));
        assertThat(stored.elapsedMillis()).isEqualTo(first.path("elapsedMillis").asLong());

        SitingService.Accepted accepted = after.accept(id, "重启后验收 " + id, List.of(2), null, TestUsers.ADMIN);
        assertThat(accepted.facilityIds()).hasSize(1);
        // the server that ran it knows of that acceptance from the store: rank 2 once only, the others still free
        ResponseEntity<String> again = post("/api/siting/" + id + "/accept", "{\"projectName\":\"again " + id + "\",\"ranks\":[1,2]}");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(again.getBody()).path("detail").asText()).isEqualTo("proposal 2 of siting run " + id + " was accepted already");
        assertThat(get("/api/projects").toString()).doesNotContain("again " + id);
        assertThat(post("/api/siting/" + id + "/accept", "{\"projectName\":\"rest " + id + "\",\"ranks\":[1,3]}")
                .getStatusCode().value()).isEqualTo(201);

        JsonNode history = json.readTree(planner().getForEntity("/api/siting?limit=500", String.class).getBody());
        JsonNode line = null;
        for (JsonNode h : history) {
            line = h.path("id").asText().equals(id) ? h : line;
        }
        assertThat(line).as("run %s in the history", id).isNotNull();
        assertThat(line.path("state").asText()).isEqualTo("done");
        assertThat(line.path("proposals").asInt()).isEqualTo(3);
        assertThat(line.path("accepted").asInt()).isEqualTo(3);
        assertThat(line.path("submittedBy").asText()).isEqualTo(TestUsers.ADMIN);
        assertThat(line.path("objective").asDouble()).isEqualTo(first.path("result").path("objective").asDouble());
        for (int k = 1; k < history.size(); k++) {
            assertThat(history.get(k - 1).path("submittedAt").asText()).as("newest first")
                    .isGreaterThanOrEqualTo(history.get(k).path("submittedAt").asText());
        }
        ResponseEntity<String> badLimit = planner().getForEntity("/api/siting?limit=0", String.class);
        assertThat(badLimit.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(badLimit.getBody()).path("detail").asText()).isEqualTo("limit 0 out of range [1, 500]");

        // a stop of the server cancels its running run, which stores its best answer so far before the store closes
        SitingService stopping = restarted();
        String longBody = "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":150,\"radiusMeters\":300,"
                + "\"candidates\":{\"spacingMeters\":50},\"timeLimitSeconds\":300}";
        SitingJob running = stopping.submit(SitingRequest.fromJson(json.readTree(longBody)), json.readTree(longBody), TestUsers.ADMIN);
        while (!stopping.job(running.id()).state().equals("running")) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        stopping.stop();
        SitingJob stopped = restarted().job(running.id());
        assertThat(stopped.state()).isEqualTo("cancelled");
        assertThat(stopped.result().proposals()).hasSize(150);
        assertThat(stopped.elapsedMillis()).isLessThan(60_000);

        // a run that a stop of the server cut short is marked failed on the next start
        String cut = java.util.UUID.randomUUID().toString();
        context.getBean(SitingRunRepository.class).insert(new SitingRunRepository.StoredRun(cut, java.time.Instant.now(), TestUsers.ADMIN,
                "public_toilet", "mclp", 60, "running", 0, null, body, null));
        after.markInterruptedRuns();
        SitingJob interrupted = after.job(cut);
        assertThat(interrupted.state()).isEqualTo("failed");
        assertThat(interrupted.error()).isEqualTo("the server stopped before this run ended");
        assertThat(http.getForEntity("/api/siting/" + cut, String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anLscpWhereTheExistingSitesCoverEveryoneAlreadyNeedsNoNewSite() throws Exception {
        // 100 km around the demo's toilets reaches every resident: it once failed with "no candidate site is left"
        JsonNode job = json.readTree(post("/api/siting?wait=true", "{\"type\":\"public_toilet\",\"model\":\"lscp\","
                + "\"radiusMeters\":100000}").getBody());
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("done");
        JsonNode answer = job.path("result");
        assertThat(answer.path("status").asText()).isEqualTo("optimal");
        assertThat(answer.path("objective").asDouble()).isZero();
        assertThat(answer.path("proposals")).isEmpty();
        assertThat(answer.path("coveredPopulationAfter").asDouble()).isEqualTo(answer.path("totalPopulation").asDouble());
    }
}
