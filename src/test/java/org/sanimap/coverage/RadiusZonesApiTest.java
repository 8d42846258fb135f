package org.sanimap.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.TestApi;
import org.sanimap.testing.TestUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Radii by land use: a city rule serves residential land within 500 m, GB 55013's 300 m holds elsewhere.
 * One toilet at (0°, 0°); on the equator 0.0036° of longitude is 400.3 m, 0.0054° 600.5 m and 0.002° 222.4 m.
 * West of the meridian is commercial land (no rule of its own), east of it two residential parcels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RadiusZonesApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, false);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private static String parcel(String landUse, String name, double minLon, double maxLon) {
        return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name + "\",\"landuse\":\"" + landUse + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + minLon + ",-1],[" + maxLon + ",-1],[" + maxLon
                + ",1],[" + minLon + ",1],[" + minLon + ",-1]]]}}";
    }

    @Test
    void residentialLandIsServedWithinItsRuleAndTheRestWithinTheNationalOne() throws Exception {
        // west: A 400 m (out of 300), D 222 m (in); east: B 400 m (in at 500), C 600 m (out)
        importFile("cells.csv", "id,lon,lat,population\na,-0.0036,0,10\nb,0.0036,0,20\nc,0.0054,0,40\nd,-0.002,0,80\n",
                "target=demand&layer=cells");
        importFile("toilet.csv", "id,type,lon,lat\nt1,public_toilet,0,0\n", null);
        JsonNode zones = importFile("landuse.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + parcel("commercial", "万达广场", -1, 0) + "," + parcel("residential", "阳光小区", 0, 0.5) + ","
                + parcel("residential", "幸福里", 0.5, 1) + "]}", "target=districts&layer=用地&nameProperty=landuse");
        assertThat(zones.path("read").asInt()).isEqualTo(2);
        assertThat(zones.path("polygonsJoined").asInt()).isEqualTo(1);
        post("/api/standards", "{\"code\":\"city-toilet-residential\",\"facilityType\":\"public_toilet\",\"kind\":\"radius\","
                + "\"areaClass\":\"Residential\",\"maxValue\":500,\"source\":\"city toilet plan\",\"confidence\":\"L\","
                + "\"active\":true}");

        String base = "/api/coverage?type=public_toilet&layer=cells&districtLayer=用地";
        // one radius everywhere: the national rule's 300 m reaches D only
        assertThat(get(base).path("coveredPopulation").asDouble()).isEqualTo(80);
        JsonNode zoned = get(base + "&zoneLayer=用地");
        assertThat(zoned.path("coveredPopulation").asDouble()).isEqualTo(100);
        assertThat(zoned.path("radiusMeters").asDouble()).isEqualTo(300);
        assertThat(zoned.path("standard").path("code").asText()).isEqualTo("gb55013-toilet-radius");
        JsonNode zoning = zoned.path("zoning");
        assertThat(zoning.path("layer").asText()).isEqualTo("用地");
        assertThat(zoning.path("zonesWithoutRule").toString()).isEqualTo("[\"commercial\"]");
        assertThat(row(zoning.path("zones").get(0))).isEqualTo("residential 500 city-toilet-residential 20/60");
        assertThat(row(zoning.path("zones").get(1))).isEqualTo("(outside zones) 300 gb55013-toilet-radius 80/90");
        // a radius given by hand holds outside the zones: 700 m reaches A and D there, the zone keeps its 500 m
        assertThat(get(base + "&zoneLayer=用地&radiusMeters=700").path("coveredPopulation").asDouble()).isEqualTo(110);

        // the printable report and the campaign table name the radii by zone
        assertThat(http.getForObject("/api/coverage/report.html?type=public_toilet&layer=cells&zoneLayer=用地", String.class))
                .contains("<td>用地: residential 500 m (city-toilet-residential); (outside zones) 300 m (gb55013-toilet-radius); "
                        + "无规则 no rule: commercial</td>")
                .contains("<tr><td>residential</td><td>500.0</td><td>city-toilet-residential</td><td>2</td><td>1</td><td>60</td>"
                        + "<td>20</td>");
        assertThat(http.getForObject("/api/coverage/by-type.csv?layer=cells&zoneLayer=用地", String.class))
                .contains("residential 500 m");

        // the drawn service area: 445 m east of the toilet is served (residential, 500 m), 445 m west is not
        JsonNode areas = get("/api/coverage/gap-areas?type=public_toilet&layer=cells&districtLayer=用地&zoneLayer=用地");
        Geometry served = new GeoJsonReader().read(areas.path("features").get(0).path("geometry").toString());
        GeometryFactory f = new GeometryFactory();
        assertThat(served.covers(f.createPoint(new Coordinate(0.004, 0)))).isTrue();
        assertThat(served.covers(f.createPoint(new Coordinate(-0.004, 0)))).isFalse();
        assertThat(served.covers(f.createPoint(new Coordinate(-0.0025, 0)))).isTrue();

        // siting one more toilet: at 300 m everywhere one site takes B and C (60); with the zones B is served
        // already and no site reaches both A and C (1,000 m apart), so the best adds C's 40
        String run = "{\"type\":\"public_toilet\",\"model\":\"mclp\",\"p\":1,\"layer\":\"cells\",\"timeLimitSeconds\":5,"
                + "\"candidates\":{\"source\":\"grid\",\"spacingMeters\":50}";
        JsonNode plain = post("/api/siting?wait=true", run + "}").path("result");
        assertThat(plain.path("proposals").get(0).path("populationAdded").asDouble()).as(plain.toString()).isEqualTo(60);
        JsonNode byZone = post("/api/siting?wait=true", run + ",\"zoneLayer\":\"用地\"}").path("result");
        assertThat(byZone.path("proposals").get(0).path("populationAdded").asDouble()).as(byZone.toString()).isEqualTo(40);
        assertThat(byZone.path("existingCoveredPopulation").asDouble()).isEqualTo(100);
        assertThat(byZone.path("coveredPopulationAfter").asDouble()).isEqualTo(140);
        assertThat(byZone.path("zoneRadiiMeters").toString()).isEqualTo("{\"residential\":500.0}");
        assertThat(byZone.path("proposals").get(0).path("lonWgs84").asDouble()).isGreaterThan(0.0009);

        // a layer whose areas name no rule is refused with what would match
        importFile("wards.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + parcel("x", "东区", 0, 1) + "]}",
                "target=districts&layer=区");
        ResponseEntity<String> refused = http.getForEntity(base + "&zoneLayer=区", String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).path("detail").asText()).isEqualTo("no area of zone layer '区' is named "
                + "after the area class of an active radius rule for public_toilet (area classes: [workplaces_crowded_places, "
                + "Residential]; areas: [东区]); rename the areas (import with nameProperty=) or edit the rules' area class");
        ResponseEntity<String> area = http.getForEntity(base + "&zoneLayer=用地&weighting=area", String.class);
        assertThat(area.getStatusCode().value()).isEqualTo(400);
    }

    private static String row(JsonNode z) {
        return z.path("name").asText() + " " + Math.round(z.path("radiusMeters").asDouble()) + " " + z.path("rule").asText() + " "
                + Math.round(z.path("covered").asDouble()) + "/" + Math.round(z.path("total").asDouble());
    }

    private JsonNode get(String url) throws Exception {
        return TestApi.get(http, json, url);
    }

    private JsonNode post(String url, String body) throws Exception {
        return TestApi.post(http, json, url, body);
    }

    private JsonNode importFile(String name, String content, String query) throws Exception {
        return TestUploads.importFile(http, json, name, content, query);
    }
}
