package org.sanimap.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.Haversine;
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

/** {@code POST /api/imports} over real HTTP multipart, on an embedded store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportApiTest {

    static final Path SHARED = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared"));

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, false);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void importingHelsinkiTwiceLeavesTheSameCount() throws Exception {
        byte[] pbf = Files.readAllBytes(SHARED.resolve("data/helsinki/helsinki.osm.pbf"));
        long before = facilityCount();

        JsonNode first = upload("helsinki.osm.pbf", pbf, null);
        long afterFirst = facilityCount();
        JsonNode second = upload("helsinki.osm.pbf", pbf, null);

        assertThat(first.path("format").asText()).isEqualTo("osm-pbf");
        // shared/data/README.md: 27 toilets, 10 recycling, 28 waste_disposal; waste baskets are left out
        assertThat(afterFirst - before).isEqualTo(first.path("created").asLong());
        assertThat(first.path("created").asLong()).isEqualTo(27 + 10 + 28);
        assertThat(second.path("created").asLong()).isZero();
        assertThat(second.path("updated").asLong()).isZero();
        assertThat(second.path("unchanged").asLong()).isEqualTo(first.path("created").asLong());
        assertThat(facilityCount()).isEqualTo(afterFirst);
    }

    @Test
    void gcj02CsvPointIsStoredWithinTwoMetresOfItsWgs84Position() throws Exception {
        // Published pair (wandergis/coordtransform README): WGS84 (116.404, 39.915) is GCJ-02
        // (116.41024449916938, 39.91640428150164).
        String csv = "编号,名称,类型,经度,纬度\nbj-1,天安门东公厕,公厕,116.41024449916938,39.91640428150164\n";
        JsonNode report = upload("beijing.csv", csv.getBytes(StandardCharsets.UTF_8), "crs=gcj02");
        assertThat(report.path("created").asInt()).isEqualTo(1);

        JsonNode fc = json.readTree(http.getForEntity("/api/facilities?bbox=116.3,39.8,116.5,40.0", String.class).getBody());
        assertThat(fc.path("features")).hasSize(1);
        JsonNode point = fc.path("features").get(0).path("geometry").path("coordinates");
        assertThat(Haversine.meters(point.get(0).asDouble(), point.get(1).asDouble(), 116.404, 39.915)).isLessThan(2.0);
        assertThat(fc.path("features").get(0).path("properties").path("name").asText()).isEqualTo("天安门东公厕");
    }

    @Test
    void badFilesGetA4xxWithAClearMessageAndTheStoreIsUnchanged() throws Exception {
        String before = allFacilities();

        assertRejected(post("broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",".getBytes(
                StandardCharsets.UTF_8), "format=geojson"), "invalid GeoJSON");
        assertRejected(post("far.csv", "name,type,lon,lat\nok,public_toilet,10,10\nbad,public_toilet,10,95.2\n"
                .getBytes(StandardCharsets.UTF_8), null), "latitude 95.2 out of range [-90, 90] at row 3");
        assertRejected(post("kind.csv", "name,type,lon,lat\nx,castle,10,10\n".getBytes(StandardCharsets.UTF_8), null),
                "unknown facility type 'castle'");
        assertRejected(post("empty.csv", new byte[0], null), "file is empty");
        byte[] garbage = new byte[50 * 1024 * 1024];
        new Random(42).nextBytes(garbage);
        assertRejected(post("garbage.bin", garbage, null), "could not recognise the format");
        assertRejected(post("garbage.pbf", garbage, "format=osm-pbf"), "");

        assertThat(allFacilities()).isEqualTo(before);
    }

    @Test
    void demandCsvImportsAsALayer() throws Exception {
        byte[] hex = Files.readAllBytes(SHARED.resolve("data/porto-alegre/poa_hexgrid.csv"));
        JsonNode report = upload("poa_hexgrid.csv", hex, "target=demand&layer=poa");
        // shared/data/README.md: 1,227 cells, 812,935 people
        assertThat(report.path("created").asInt()).isEqualTo(1227);
        JsonNode layers = json.readTree(http.getForEntity("/api/demand/layers", String.class).getBody());
        JsonNode poa = null;
        for (JsonNode l : layers) {
            if (l.path("name").asText().equals("poa")) {
                poa = l;
            }
        }
        assertThat(poa).isNotNull();
        assertThat(poa.path("totalPopulation").asDouble()).isEqualTo(812935.0);
        assertThat(upload("poa_hexgrid.csv", hex, "target=demand&layer=poa").path("unchanged").asInt()).isEqualTo(1227);
    }

    @Test
    void helsinkiGridGivesAreaWeightedCoverage() throws Exception {
        upload("helsinki.osm.pbf", Files.readAllBytes(SHARED.resolve("data/helsinki/helsinki.osm.pbf")), null);
        upload("grid.gpkg", Files.readAllBytes(SHARED.resolve("data/helsinki/helsinki_population_grid_2020.gpkg")),
                "target=demand&layer=helsinki");
        String base = "/api/coverage?type=public_toilet&radiusMeters=300&layer=helsinki";
        JsonNode centroid = json.readTree(http.getForEntity(base, String.class).getBody());
        JsonNode area = json.readTree(http.getForEntity(base + "&weighting=area", String.class).getBody());
        assertThat(area.path("weighting").asText()).isEqualTo("area");
        assertThat(area.path("totalPopulation").asDouble()).isEqualTo(71_724.0);
        assertThat(area.path("coveredPopulation").asDouble()).isBetween(1.0, 71_724.0);
        // 250 m cells against 300 m discs: area shares and centre tests cannot differ by more than the
        // population of the cells the service area's edge crosses; here we only check they are of one order
        assertThat(area.path("coveredPopulation").asDouble() / centroid.path("coveredPopulation").asDouble()).isBetween(0.5, 2.0);
        JsonNode walking = json.readTree(http.getForEntity(base + "&weighting=area&metric=walking", String.class).getBody());
        assertThat(walking.path("coveredPopulation").asDouble()).isLessThan(area.path("coveredPopulation").asDouble());
    }

    @Test
    void districtsFromAnOsmExtractsBoundariesSplitTheCoverageReport() throws Exception {
        byte[] pbf = Files.readAllBytes(SHARED.resolve("data/helsinki/helsinki.osm.pbf"));
        upload("grid.gpkg", Files.readAllBytes(SHARED.resolve("data/helsinki/helsinki_population_grid_2020.gpkg")),
                "target=demand&layer=helsinki-districts");
        String namesBefore = http.getForEntity("/api/districts/names", String.class).getBody();
        assertRejected(post("helsinki.osm.pbf", pbf, "target=districts"),
                "helsinki.osm.pbf has admin_level 2 (1 boundary), 4 (1 boundary), 6 (1 boundary), 7 (1 boundary), "
                        + "8 (1 boundary), 9 (1 boundary), 10 (13 boundaries), 11 (5 boundaries)");
        assertThat(http.getForEntity("/api/districts/names", String.class).getBody()).isEqualTo(namesBefore);

        // at level 11 the extract holds no boundary whole: the refusal says why, boundary by boundary
        ResponseEntity<String> cut = post("helsinki.osm.pbf", pbf, "target=districts&adminLevel=11");
        assertRejected(cut, "helsinki.osm.pbf holds no whole district polygon: all 5 were left out");
        assertThat(json.readTree(cut.getBody()).path("errors").toString())
                .contains("relation 184766 (Siltasaari): cut by the extract's edge: 1 of 4 member ways");

        JsonNode report = upload("helsinki.osm.pbf", pbf, "target=districts&adminLevel=10&layer=kaupunginosat");
        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("skipped").asInt()).isEqualTo(11);

        // each district's residents counted here: grid cell centres inside the district polygons as served
        org.locationtech.jts.io.geojson.GeoJsonReader geo = new org.locationtech.jts.io.geojson.GeoJsonReader();
        java.util.Map<String, org.locationtech.jts.geom.Geometry> polygons = new java.util.HashMap<>();
        for (JsonNode f : json.readTree(http.getForEntity("/api/districts", String.class).getBody()).path("features")) {
            polygons.put(f.path("properties").path("name").asText(), geo.read(f.path("geometry").toString()));
        }
        assertThat(polygons).containsKeys("Kluuvi", "Kaartinkaupunki");
        java.util.Map<String, Double> residents = new java.util.HashMap<>();
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        for (JsonNode c : json.readTree(http.getForEntity("/api/demand?layer=helsinki-districts", String.class).getBody())
                .path("features")) {
            JsonNode xy = c.path("geometry").path("coordinates");
            org.locationtech.jts.geom.Point p = gf.createPoint(new org.locationtech.jts.geom.Coordinate(xy.get(0).asDouble(),
                    xy.get(1).asDouble()));
            polygons.forEach((name, g) -> {
                if (g.covers(p)) {
                    residents.merge(name, c.path("properties").path("population").asDouble(), Double::sum);
                }
            });
        }
        JsonNode coverage = json.readTree(http.getForEntity(
                "/api/coverage?type=public_toilet&radiusMeters=300&layer=helsinki-districts", String.class).getBody());
        java.util.Map<String, Double> totals = new java.util.HashMap<>();
        coverage.path("perDistrict").forEach(d -> totals.put(d.path("name").asText(), d.path("total").asDouble()));
        for (String name : java.util.List.of("Kluuvi", "Kaartinkaupunki")) {
            assertThat(totals.get(name)).as(name).isEqualTo(residents.getOrDefault(name, 0.0));
        }
        assertThat(residents.get("Kluuvi") + residents.get("Kaartinkaupunki")).isBetween(1.0, 71_724.0);
    }

    @Test
    void helsinkisLandUseServesAsRadiusZones() throws Exception {
        byte[] pbf = Files.readAllBytes(SHARED.resolve("data/helsinki/helsinki.osm.pbf"));
        upload("helsinki.osm.pbf", pbf, null); // the toilets (again, if another test imported them: unchanged)
        upload("grid.gpkg", Files.readAllBytes(SHARED.resolve("data/helsinki/helsinki_population_grid_2020.gpkg")),
                "target=demand&layer=helsinki-zones");
        JsonNode zones = upload("helsinki.osm.pbf", pbf, "target=districts&nameProperty=landuse&layer=maankaytto");
        assertThat(zones.path("polygonsJoined").asInt()).isPositive();
        assertThat(http.getForObject("/api/districts/names?layer=maankaytto", String.class)).contains("\"residential\"",
                "\"commercial\"");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity("/api/standards",
                new HttpEntity<>("{\"code\":\"hki-toilet-residential\",\"facilityType\":\"public_toilet\",\"kind\":\"radius\","
                        + "\"areaClass\":\"residential\",\"maxValue\":500,\"source\":\"test rule\",\"confidence\":\"L\","
                        + "\"active\":true}", headers), String.class).getStatusCode().value()).isEqualTo(201);

        JsonNode report = json.readTree(http.getForEntity("/api/coverage?type=public_toilet&radiusMeters=300"
                + "&layer=helsinki-zones&zoneLayer=maankaytto", String.class).getBody());

        // by hand: a cell whose centre lies in residential land is served within 500 m, any other within 300 m
        org.locationtech.jts.io.geojson.GeoJsonReader geo = new org.locationtech.jts.io.geojson.GeoJsonReader();
        org.locationtech.jts.geom.Geometry residential = null;
        for (JsonNode f : json.readTree(http.getForEntity("/api/districts?layer=maankaytto", String.class).getBody()).path("features")) {
            if (f.path("properties").path("name").asText().equals("residential")) {
                residential = geo.read(f.path("geometry").toString());
            }
        }
        java.util.List<double[]> toilets = new java.util.ArrayList<>();
        for (JsonNode f : json.readTree(http.getForEntity("/api/facilities?type=public_toilet&status=in_service&size=20000",
                String.class).getBody()).path("features")) {
            toilets.add(new double[] {f.path("geometry").path("coordinates").get(0).asDouble(),
                f.path("geometry").path("coordinates").get(1).asDouble()});
        }
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        double covered = 0;
        double inResidential = 0;
        for (JsonNode c : json.readTree(http.getForEntity("/api/demand?layer=helsinki-zones", String.class).getBody())
                .path("features")) {
            double lon = c.path("geometry").path("coordinates").get(0).asDouble();
            double lat = c.path("geometry").path("coordinates").get(1).asDouble();
            double people = c.path("properties").path("population").asDouble();
            boolean home = residential.covers(gf.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat)));
            inResidential += home ? people : 0;
            for (double[] t : toilets) {
                if (Haversine.meters(lon, lat, t[0], t[1]) <= (home ? 500 : 300)) {
                    covered += people;
                    break;
                }
            }
        }
        assertThat(toilets).isNotEmpty();
        assertThat(inResidential).isPositive();
        assertThat(report.path("coveredPopulation").asDouble()).isCloseTo(covered, org.assertj.core.api.Assertions.within(1e-6));
        JsonNode first = report.path("zoning").path("zones").get(0);
        assertThat(first.path("name").asText()).isEqualTo("residential");
        assertThat(first.path("radiusMeters").asDouble()).isEqualTo(500);
        assertThat(first.path("total").asDouble()).isCloseTo(inResidential, org.assertj.core.api.Assertions.within(1e-6));
    }

    private void assertRejected(ResponseEntity<String> r, String detailPart) throws Exception {
        assertThat(r.getStatusCode().is4xxClientError()).as(r.getBody()).isTrue();
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(r.getBody()).path("detail").asText()).contains(detailPart).isNotBlank();
    }

    private String allFacilities() {
        return http.getForEntity("/api/facilities?size=20000", String.class).getBody();
    }

    private long facilityCount() throws Exception {
        return json.readTree(http.getForEntity("/api/facilities?size=1", String.class).getBody()).path("totalCount").asLong();
    }

    private JsonNode upload(String name, byte[] content, String query) throws Exception {
        ResponseEntity<String> r = post(name, content, query);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        return json.readTree(r.getBody());
    }

    private ResponseEntity<String> post(String name, byte[] content, String query) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(org.sanimap.testing.TestUsers.ADMIN, org.sanimap.testing.TestUsers.ADMIN_PASSWORD).postForEntity("/api/imports" + (query == null ? "" : "?" + query), new HttpEntity<>(form, headers),
                String.class);
    }
}
