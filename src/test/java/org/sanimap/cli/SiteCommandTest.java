package org.sanimap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCommandTest {

    static final Path BENCH = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared")).resolve("bench");
    static final Path SF = BENCH.resolve("spopt-sf");

    @TempDir
    Path tmp;

    private JsonNode site(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", "-"));
        int code = SiteCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private String failure(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SiteCommand.run(List.of(args), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void solvesScp42AtItsPublishedOptimum() throws Exception {
        JsonNode result = site("--orlib-scp", BENCH.resolve("scp/scp42.txt").toString());
        // shared/bench/scp/optima.csv: scp42 weighted optimum 512
        assertThat(result.path("status").asText()).isEqualTo("optimal");
        assertThat(result.path("objective").asDouble()).isEqualTo(512.0);
        assertThat(result.path("bound").asDouble()).isEqualTo(512.0);
        assertThat(result.path("timingsMillis").has("build")).isTrue();
        assertThat(result.path("timingsMillis").has("solve")).isTrue();
    }

    private JsonNode sanFrancisco(String model, double radius, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--model", model, "--demand", SF.resolve("SF_demand_205_centroid_uniform_weight.csv").toString(),
                "--candidates", SF.resolve("SF_store_site_16_longlat.csv").toString(), "--id-column", "NAME", "--weight-column", "POP2000",
                "--distance-matrix", SF.resolve("SF_network_distance_candidateStore_16_censusTract_205_new.csv").toString(),
                "--matrix-columns", "DestinationName,name,distance", "--radius-meters", Double.toString(radius)));
        args.addAll(List.of(more));
        return site(args.toArray(new String[0]));
    }

    @Test
    void sanFranciscoLscpNeedsEightStoresAt5000MetresAndThreeAt8000() throws Exception {
        // spopt-sf/EXPECTED.md: LSCP r=5000 -> 8 facilities, r=8000 -> 3 (spopt notebooks, GLPK)
        JsonNode r5000 = sanFrancisco("lscp", 5000);
        assertThat(r5000.path("status").asText()).isEqualTo("optimal");
        assertThat(r5000.path("objective").asDouble()).isEqualTo(8);
        assertThat(r5000.path("chosen")).hasSize(8);
        assertThat(r5000.path("coveredWeightAfter").asDouble()).isEqualTo(r5000.path("totalWeight").asDouble());
        JsonNode r8000 = sanFrancisco("lscp", 8000);
        assertThat(r8000.path("objective").asDouble()).isEqualTo(3);
        assertThat(r8000.path("status").asText()).isEqualTo("optimal");
    }

    @Test
    void sanFranciscoMclpFourStoresAt5000MetresCover875247People() throws Exception {
        // spopt-sf/EXPECTED.md: MCLP p=4, r=5000, weights POP2000 -> 875,247 of 955,113, 184 of 205 tracts;
        // stores {Store_2, Store_11, Store_12, Store_15} by enumeration
        JsonNode r = sanFrancisco("mclp", 5000, "--p", "4");
        assertThat(r.path("status").asText()).isEqualTo("optimal");
        assertThat(r.path("objective").asDouble()).isEqualTo(875_247);
        assertThat(r.path("totalWeight").asDouble()).isEqualTo(955_113);
        assertThat(r.path("coveredDemandUnits").asInt()).isEqualTo(184);
        List<String> chosen = new ArrayList<>();
        r.path("chosen").forEach(n -> chosen.add(n.asText()));
        assertThat(chosen).containsExactlyInAnyOrder("Store_2", "Store_11", "Store_12", "Store_15");
    }

    @Test
    void swainFiftyFiveNodesMatchTheEnumeratedReference() throws Exception {
        // swain55/swain_computed_reference.csv (variant lrscp = this swain.txt): exhaustive enumeration
        Path swain = BENCH.resolve("swain55/swain.txt");
        for (String line : Files.readAllLines(BENCH.resolve("swain55/swain_computed_reference.csv"))) {
            String[] f = line.split(",");
            if (!f[0].equals("lrscp")) {
                continue;
            }
            String s = f[1];
            JsonNode mclp = site("--model", "mclp", "--demand", swain.toString(), "--candidates", swain.toString(),
                    "--weight-column", "a", "--radius-meters", s, "--p", f[2]);
            assertThat(mclp.path("objective").asDouble()).as("S=%s p=%s", s, f[2]).isEqualTo(Double.parseDouble(f[3]));
            assertThat(mclp.path("metric").asText()).isEqualTo("euclidean");
            JsonNode lscp = site("--model", "lscp", "--demand", swain.toString(), "--candidates", swain.toString(),
                    "--weight-column", "a", "--radius-meters", s);
            if (f[5].startsWith(">")) {
                assertThat(lscp.path("objective").asDouble()).isGreaterThan(Double.parseDouble(f[5].substring(1)));
            } else {
                assertThat(lscp.path("objective").asDouble()).as("LSCP S=%s", s).isEqualTo(Double.parseDouble(f[5]));
            }
        }
    }

    @Test
    void aPlanarCoveringInstanceIsMeasuredInAStraightLine(@TempDir Path dir) throws Exception {
        // an EUC_2D instance (as the SJC ones of Lorena and Pereira): 40 nodes on a 2 km square, 300 m, p = 3
        SplittableRandom random = new SplittableRandom(4);
        int n = 40;
        double[][] xy = new double[n][];
        int[] demand = new int[n];
        StringBuilder text = new StringBuilder("NAME : planar\nTYPE : MCLP\nEDGE_WEIGHT_TYPE : EUC_2D\nDIMENSION : " + n
                + "\nNODE_COORD_SECTION\n");
        for (int i = 0; i < n; i++) {
            xy[i] = new double[] {400_000 + random.nextInt(2000), 430_000 + random.nextInt(2000)};
            text.append((long) xy[i][0]).append(' ').append((long) xy[i][1]).append('\n');
        }
        text.append("DEMAND_SECTION\n");
        for (int i = 0; i < n; i++) {
            demand[i] = 1 + random.nextInt(100);
            text.append(demand[i]).append('\n');
        }
        Path file = dir.resolve("planar.txt");
        Files.writeString(file, text.append("EOF\n"));
        JsonNode r = site("--model", "mclp", "--covering-instance", file.toString(), "--radius-meters", "300", "--p", "3");
        // every triple of sites, measured here
        double best = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    double covered = 0;
                    for (int i = 0; i < n; i++) {
                        for (int s : new int[] {a, b, c}) {
                            if (Math.hypot(xy[i][0] - xy[s][0], xy[i][1] - xy[s][1]) <= 300) {
                                covered += demand[i];
                                break;
                            }
                        }
                    }
                    best = Math.max(best, covered);
                }
            }
        }
        assertThat(r.path("metric").asText()).isEqualTo("euclidean");
        assertThat(r.path("status").asText()).isEqualTo("optimal");
        assertThat(r.path("objective").asDouble()).isEqualTo(best);
    }

    @Test
    void newYorkMclpForFiftySitesReachesThePublishedOptimum() throws Exception {
        Path instance = BENCH.resolve("mclp-newyork/NewYork.txt");
        JsonNode r = site("--model", "mclp", "--covering-instance", instance.toString(), "--radius-meters", "400", "--p", "50",
                "--earth-radius-meters", "6378100", "--time-limit-seconds", "120");
        // NewYork_50_400.txt: "f: 1153640" (Maximo, Cordeau and Nascimento 2023)
        double published = Double.parseDouble(Files.readAllLines(BENCH.resolve("mclp-newyork/NewYork_50_400.txt")).get(0)
                .replace("f:", "").trim());
        assertThat(r.path("status").asText()).isEqualTo("optimal");
        assertThat(r.path("objective").asDouble()).isEqualTo(published);
        assertThat(r.path("chosen")).hasSize(50);
        // the chosen nodes cover the published demand by the instance's own distance (law of cosines), measured here
        List<double[]> nodes = new ArrayList<>();
        List<Double> demand = new ArrayList<>();
        String section = "";
        for (String line : Files.readAllLines(instance)) {
            String t = line.trim();
            if (t.startsWith("NODE_COORD_SECTION") || t.startsWith("DEMAND_SECTION")) {
                section = t;
            } else if (!t.isEmpty() && !t.equals("EOF") && section.startsWith("NODE")) {
                String[] f = t.split("\\s+");
                nodes.add(new double[] {Math.toRadians(Double.parseDouble(f[0])), Math.toRadians(Double.parseDouble(f[1]))});
            } else if (!t.isEmpty() && !t.equals("EOF") && section.startsWith("DEMAND")) {
                demand.add(Double.parseDouble(t));
            }
        }
        double covered = 0;
        for (int i = 0; i < nodes.size(); i++) {
            for (JsonNode c : r.path("chosen")) {
                double[] a = nodes.get(i);
                double[] b = nodes.get(c.asInt());
                double cos = Math.sin(a[0]) * Math.sin(b[0]) + Math.cos(a[0]) * Math.cos(b[0]) * Math.cos(a[1] - b[1]);
                if (6_378_100 * Math.acos(Math.max(-1, Math.min(1, cos))) <= 400) {
                    covered += demand.get(i);
                    break;
                }
            }
        }
        assertThat(covered).isEqualTo(published);
    }

    @Test
    void existingFacilitiesAreKeptAndOnlyTheRestIsSited() throws Exception {
        Path demand = tmp.resolve("demand.csv");
        Files.writeString(demand, "id,lon,lat,weight\na,120.0000,30.0000,10\nb,120.0100,30.0000,20\nc,120.0200,30.0000,30\n");
        Path candidates = tmp.resolve("candidates.csv");
        Files.writeString(candidates, "id,lon,lat\nnear-a,120.0001,30.0000\nnear-b,120.0101,30.0000\nnear-c,120.0199,30.0000\n");
        Path existing = tmp.resolve("existing.csv");
        Files.writeString(existing, "id,lon,lat\nold,120.0200,30.0001\n");
        // 0.01 degree of longitude at 30 N is about 963 m: each candidate reaches only its own point at 300 m
        JsonNode r = site("--model", "lscp", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--existing", existing.toString(), "--radius-meters", "300");
        List<String> chosen = new ArrayList<>();
        r.path("chosen").forEach(n -> chosen.add(n.asText()));
        assertThat(chosen).containsExactly("near-b", "near-a");
        assertThat(r.path("existingCoveredWeight").asDouble()).isEqualTo(30);
        assertThat(r.path("proposals").get(0).path("gainWeight").asDouble()).isEqualTo(20);
    }

    @Test
    void proposalsNameTheDistrictTheyLieIn() throws Exception {
        Path demand = tmp.resolve("demand-d.csv");
        Files.writeString(demand, "id,lon,lat,weight\na,120.0000,30.0000,10\nb,120.0100,30.0000,20\n");
        Path candidates = tmp.resolve("candidates-d.csv");
        Files.writeString(candidates, "id,lon,lat\nnear-a,120.0001,30.0000\nnear-b,120.0101,30.0000\n");
        // 西区 west of lon 120.005, 东区 east of it
        Path districts = tmp.resolve("districts-d.geojson");
        Files.writeString(districts, org.sanimap.testing.TestGeoJson.collection(
                org.sanimap.testing.TestGeoJson.box("西区", 119.9, 29.9, 120.005, 30.1),
                org.sanimap.testing.TestGeoJson.box("东区", 120.005, 29.9, 120.1, 30.1)));
        JsonNode r = site("--model", "mclp", "--p", "2", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--districts", districts.toString(), "--radius-meters", "300");
        java.util.Map<String, String> districtOf = new java.util.HashMap<>();
        r.path("proposals").forEach(pr -> districtOf.put(pr.path("id").asText(), pr.path("district").asText()));
        assertThat(districtOf).isEqualTo(java.util.Map.of("near-a", "西区", "near-b", "东区"));

        // one site: b's 20 residents; with no quota left for 东区 it goes to a's 10
        assertThat(site("--model", "mclp", "--p", "1", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--districts", districts.toString(), "--radius-meters", "300").path("chosen").toString()).isEqualTo("[\"near-b\"]");
        JsonNode capped = site("--model", "mclp", "--p", "1", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--districts", districts.toString(), "--district-quotas", "东区=0", "--radius-meters", "300");
        assertThat(capped.path("chosen").toString()).isEqualTo("[\"near-a\"]");
        assertThat(capped.path("status").asText()).isEqualTo("optimal");
        assertThat(capped.path("districtQuotas").toString()).isEqualTo("{\"东区\":0}");
        assertThat(failure("--model", "mclp", "--p", "1", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--districts", districts.toString(), "--district-quotas", "南区=1", "--radius-meters", "300", "--out", "-"))
                .contains("--district-quotas names '南区', which is not a district of --districts; they are [东区, 西区]");
    }

    @Test
    void aZonesRadiusLetsASiteServeResidentsFartherAway() throws Exception {
        Path demand = tmp.resolve("demand-z.csv");
        Files.writeString(demand, "id,lon,lat,weight\na,120.0000,30.0000,30\nb,120.0100,30.0000,20\n");
        Path candidates = tmp.resolve("candidates-z.csv");
        Files.writeString(candidates, "id,lon,lat\nmid,120.0050,30.0000\nnear-b,120.0101,30.0000\n");
        // residential land west of lon 120.003 at 600 m; mid lies 0.005 degree (481.5 m at 30 N) from a and from b
        Path zones = tmp.resolve("zones.geojson");
        Files.writeString(zones, org.sanimap.testing.TestGeoJson.collection(
                org.sanimap.testing.TestGeoJson.box("residential", 119.9, 29.9, 120.003, 30.1),
                org.sanimap.testing.TestGeoJson.box("industry", 120.003, 29.9, 120.1, 30.1)));
        JsonNode plain = site("--model", "mclp", "--p", "1", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--radius-meters", "300");
        assertThat(plain.path("chosen").toString()).isEqualTo("[\"near-b\"]");
        JsonNode zoned = site("--model", "mclp", "--p", "1", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--radius-meters", "300", "--zones", zones.toString(), "--zone-radius", "residential=600");
        assertThat(zoned.path("chosen").toString()).isEqualTo("[\"mid\"]");
        assertThat(zoned.path("proposals").get(0).path("gainWeight").asDouble()).isEqualTo(30);
        assertThat(zoned.path("zoneRadiiMeters").toString()).isEqualTo("{\"residential\":600.0}");
        assertThat(zoned.path("zonesWithoutRadius").toString()).isEqualTo("[\"industry\"]");

        // two sites at least 600 m apart: mid and near-b lie 491 m apart, so only one of them
        JsonNode both = site("--model", "mclp", "--p", "2", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--radius-meters", "300");
        assertThat(both.path("chosen").size()).isEqualTo(1); // mid covers nobody at 300 m
        JsonNode apart = site("--model", "mclp", "--p", "2", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--radius-meters", "300", "--zones", zones.toString(), "--zone-radius", "residential=600",
                "--min-spacing-meters", "600");
        assertThat(apart.path("chosen").toString()).isEqualTo("[\"mid\"]");
        assertThat(apart.path("minSpacingMeters").asDouble()).isEqualTo(600);
        JsonNode near = site("--model", "mclp", "--p", "2", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--radius-meters", "300", "--zones", zones.toString(), "--zone-radius", "residential=600");
        assertThat(near.path("chosen").toString()).isEqualTo("[\"mid\",\"near-b\"]");

        // an existing toilet 106 m west of near-b bars it at a 200 m spacing (not mid, 385 m away): mid alone
        Path kept = tmp.resolve("existing-z.csv");
        Files.writeString(kept, "id,lon,lat\nold,120.0090,30.0000\n");
        JsonNode barred = site("--model", "mclp", "--p", "2", "--demand", demand.toString(), "--candidates", candidates.toString(),
                "--existing", kept.toString(), "--radius-meters", "300", "--zones", zones.toString(), "--zone-radius",
                "residential=600", "--min-spacing-meters", "200");
        assertThat(barred.path("candidatesNearExisting").asInt()).isEqualTo(1);
        assertThat(barred.path("chosen").toString()).isEqualTo("[\"mid\"]");
    }

    @Test
    void badInputIsRefusedWithTheRowAndNothingElse() throws Exception {
        Path demand = tmp.resolve("bad.csv");
        Files.writeString(demand, "id,lon,lat,weight\na,120.0,30.0,10\nb,120.0,95.2,20\n");
        assertThat(failure("--model", "mclp", "--demand", demand.toString(), "--candidates", demand.toString(),
                "--radius-meters", "300", "--p", "1", "--out", "-"))
                .startsWith("error: latitude 95.2 out of range [-90, 90] at row 3");
        assertThat(failure("--model", "mclp", "--demand", "nope.csv", "--candidates", "nope.csv", "--radius-meters", "300",
                "--p", "1", "--out", "-")).startsWith("error: file not found: nope.csv");
        assertThat(failure("--model", "pmedian", "--out", "-")).startsWith("error: unknown siting model 'pmedian'; expected lscp or mclp");
        Path ok = tmp.resolve("ok.csv");
        Files.writeString(ok, "id,lon,lat\na,120.0,30.0\n");
        assertThat(failure("--model", "mclp", "--demand", ok.toString(), "--candidates", ok.toString(), "--radius-meters", "300",
                "--out", "-")).startsWith("error: option --p is required");
        assertThat(failure("--model", "mclp", "--demand", ok.toString(), "--candidates", ok.toString(), "--radius-meters", "300",
                "--p", "1", "--metric", "manhattan", "--out", "-")).startsWith("error: --metric 'manhattan' is not one of");
    }
}
