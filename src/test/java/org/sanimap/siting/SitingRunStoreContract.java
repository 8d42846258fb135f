package org.sanimap.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanimap.facility.FacilityType;
import org.sanimap.progress.ProgressService;
import org.sanimap.progress.ProjectDraft;
import org.sanimap.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Siting runs and acceptances on a store; one subclass per store. */
abstract class SitingRunStoreContract {

    @Autowired
    SitingRunRepository runs;
    @Autowired
    ProgressService progress;
    @Autowired
    PlatformTransactionManager transactions;

    private static SitingRunRepository.StoredRun run(String id, Instant at, String state, String request) {
        return new SitingRunRepository.StoredRun(id, at, "规划员 planner", "public_toilet", "mclp", 60, state, 0, null, request, null);
    }

    @Test
    void aRunIsStoredWithItsRequestAndLaterWithHowItEndedAndItsAnswer() {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-12-03T10:15:30.123456Z");
        String request = "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":20,\"layer\":\"人口 2026\"}";
        runs.insert(run(id, at, "queued", request));
        assertThat(runs.find(id)).contains(run(id, at, "queued", request));

        // 1.1 MB of JSON (requests with a parcel layer can be larger), more than a VARCHAR holds on H2 (1,000,000 characters)
        StringBuilder answer = new StringBuilder("{\"proposals\":[");
        for (int k = 1; k <= 7000; k++) {
            answer.append(k == 1 ? "" : ",").append("{\"rank\":").append(k).append(",\"candidateId\":\"grid-113.264385,23.129112\","
                    + "\"lonWgs84\":113.26438512345678,\"latWgs84\":23.12911212345678,\"populationAdded\":1234.0,\"district\":\"越秀区\"}");
        }
        answer.append("]}");
        assertThat(answer.length()).isGreaterThan(1_000_000);
        runs.finish(id, new SitingRunRepository.Ending("done", 61_234, null, "optimal", 29_669.0, 29_669.5, 7000, answer.toString()));
        SitingRunRepository.StoredRun done = runs.find(id).orElseThrow();
        assertThat(done.state()).isEqualTo("done");
        assertThat(done.elapsedMillis()).isEqualTo(61_234);
        assertThat(done.error()).isNull();
        assertThat(done.answerJson()).isEqualTo(answer.toString());
        assertThat(done.requestJson()).isEqualTo(request);
        assertThat(runs.find("no-such-run")).isEmpty();
        SitingRunSummary line = runs.latest(500).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
        assertThat(line).isEqualTo(new SitingRunSummary(id, "done", at, "规划员 planner", "public_toilet", "mclp", 60, 61_234, "optimal",
                29_669.0, 29_669.5, 7000, 0, null));
    }

    @Test
    void aLongErrorIsCutToTheColumnAndUnfinishedRunsAreMarkedFailed() {
        String failed = UUID.randomUUID().toString();
        String queued = UUID.randomUUID().toString();
        String running = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-12-03T08:00:00Z");
        runs.insert(run(failed, at, "queued", "{}"));
        runs.insert(run(queued, at, "queued", "{}"));
        runs.insert(run(running, at, "running", "{}"));
        runs.finish(failed, new SitingRunRepository.Ending("failed", 12, "x".repeat(5000), null, null, null, 0, null));
        assertThat(runs.find(failed).orElseThrow().error()).hasSize(2000).endsWith("...");

        assertThat(runs.failUnfinished(SitingService.INTERRUPTED)).isGreaterThanOrEqualTo(2);
        for (String id : List.of(queued, running)) {
            SitingRunRepository.StoredRun r = runs.find(id).orElseThrow();
            assertThat(r.state()).isEqualTo("failed");
            assertThat(r.error()).isEqualTo("the server stopped before this run ended");
        }
        assertThat(runs.find(failed).orElseThrow().error()).startsWith("xxx");
    }

    @Test
    void theLatestRunsComeNewestFirst() {
        // after the newest run of the store, so that no other run is newer
        Instant base = runs.latest(1).stream().map(SitingRunSummary::submittedAt).findFirst()
                .orElse(Instant.parse("2026-12-03T00:00:00Z")).plusSeconds(60);
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        runs.insert(run(a, base.plusSeconds(1), "queued", "{}"));
        runs.insert(run(b, base.plusSeconds(3), "queued", "{}"));
        runs.insert(run(c, base.plusSeconds(2), "queued", "{}"));
        assertThat(runs.latest(2)).extracting(SitingRunSummary::id).containsExactly(b, c);
        assertThat(runs.latest(3)).extracting(SitingRunSummary::id).containsExactly(b, c, a);
        SitingRunSummary queued = runs.latest(1).get(0);
        assertThat(queued.objective()).as("no answer: null, not 0").isNull();
        assertThat(queued.status()).isNull();
        runs.failUnfinished("cleanup"); // leave no queued run behind for other tests of the same store
    }

    @Test
    void aProposalGoesIntoOneProjectAtMost() {
        String id = UUID.randomUUID().toString();
        runs.insert(run(id, Instant.parse("2026-12-03T09:00:00Z"), "done", "{}"));
        long project = progress.createProject(new ProjectDraft("选址验收 " + id, FacilityType.PUBLIC_TOILET, 2, List.of(), null,
                null, null, null, null, null), TestUsers.ADMIN).id();
        Instant now = Instant.parse("2026-12-03T09:05:00Z");
        runs.insertAcceptance(id, 2, project, TestUsers.ADMIN, now);
        runs.insertAcceptance(id, 1, project, TestUsers.ADMIN, now);
        assertThatThrownBy(() -> runs.insertAcceptance(id, 1, project, TestUsers.ADMIN, now)).isInstanceOf(DuplicateKeyException.class);
        assertThat(runs.acceptedRanks(id)).containsExactly(1, 2);
        assertThat(runs.latest(500).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().accepted()).isEqualTo(2);
        assertThat(runs.acceptedRanks(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void ofTwoPlannersAcceptingTheSameProposalAtOnceTheSecondGetsADuplicateOnceTheFirstCommits() throws Exception {
        String id = UUID.randomUUID().toString();
        runs.insert(run(id, Instant.parse("2026-12-03T09:10:00Z"), "done", "{}"));
        long project = progress.createProject(new ProjectDraft("同时验收 " + id, FacilityType.PUBLIC_TOILET, 1, List.of(), null,
                null, null, null, null, null), TestUsers.ADMIN).id();
        Instant now = Instant.parse("2026-12-03T09:15:00Z");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch inserted = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            // the first acceptance is written and its transaction kept open
            java.util.concurrent.Future<?> first = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(t -> {
                runs.insertAcceptance(id, 1, project, TestUsers.ADMIN, now);
                inserted.countDown();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(inserted.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.Future<Object> second = threads.submit(() -> {
                try {
                    new TransactionTemplate(transactions).executeWithoutResult(t ->
                            runs.insertAcceptance(id, 1, project, "planner2", now));
                    return "inserted";
                } catch (RuntimeException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            release.countDown();
            first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            // what the service turns into "proposal 1 ... was accepted already" (409), not another error
            assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(DuplicateKeyException.class);
            assertThat(runs.acceptedRanks(id)).containsExactly(1);
        } finally {
            threads.shutdownNow();
        }
    }
    @Test
    void runsBeyondTheLatestAreDeletedButNotThoseAcceptedOrStillGoing() {
        // submitted in the far future, so that these are the latest runs in a store other tests also write to
        Instant base = Instant.parse("2999-01-01T00:00:00Z");
        String[] ids = new String[6];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = UUID.randomUUID().toString();
            runs.insert(run(ids[k], base.plusSeconds(k), "queued", "{}"));
        }
        // 0: accepted; 1, 2: ended; 3: still running; 4, 5: ended (the two latest ended)
        for (int k : new int[] {0, 1, 2, 4, 5}) {
            runs.finish(ids[k], new SitingRunRepository.Ending("done", 5, null, "optimal", 10.0, 10.0, 1, "{}"));
        }
        runs.finish(ids[3], new SitingRunRepository.Ending("running", 5, null, null, null, null, 0, null));
        long project = progress.createProject(new ProjectDraft("保留 " + ids[0], FacilityType.PUBLIC_TOILET, 1, List.of(), null,
                null, null, null, null, null), TestUsers.ADMIN).id();
        runs.insertAcceptance(ids[0], 1, project, TestUsers.ADMIN, base);

        List<String> deleted = runs.deleteBeyondLatest(2);

        assertThat(deleted).contains(ids[1], ids[2]).doesNotContain(ids[0], ids[3], ids[4], ids[5]);
        assertThat(runs.find(ids[1])).isEmpty();
        assertThat(runs.find(ids[2])).isEmpty();
        for (int k : new int[] {0, 3, 4, 5}) {
            assertThat(runs.find(ids[k])).as("run %d", k).isPresent();
        }
        assertThat(runs.acceptedRanks(ids[0])).containsExactly(1);
        // nothing more to delete
        assertThat(runs.deleteBeyondLatest(2)).isEmpty();
    }
}
