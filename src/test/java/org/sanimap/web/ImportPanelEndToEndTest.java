package org.sanimap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.testing.HeadlessChromium;
import org.sanimap.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map's import panel in headless Chromium, on the Porto Alegre demo: districts from an OSM
 * extract's boundaries (refused without a level, with the levels it has), a second population layer
 * that the coverage panel then offers, facilities from a CSV, and a bad CSV that changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportPanelEndToEndTest {

    private static WebDriver browser;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry, true);
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @TempDir
    Path dir;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPlannerImportsDistrictsPopulationAndFacilitiesFromTheMap() throws Exception {
        // Norte and Sul split the demo city at latitude -30.05, sharing the way along it
        Path extract = write("districts.osm", "<osm version='0.6'>"
                + "<node id='1' lon='-51.30' lat='-29.95'/><node id='2' lon='-51.10' lat='-29.95'/>"
                + "<node id='3' lon='-51.10' lat='-30.05'/><node id='4' lon='-51.30' lat='-30.05'/>"
                + "<node id='5' lon='-51.10' lat='-30.15'/><node id='6' lon='-51.30' lat='-30.15'/>"
                + "<way id='10'><nd ref='4'/><nd ref='3'/></way>"
                + "<way id='11'><nd ref='3'/><nd ref='2'/><nd ref='1'/><nd ref='4'/></way>"
                + "<way id='12'><nd ref='3'/><nd ref='5'/><nd ref='6'/><nd ref='4'/></way>"
                + relation(20, "Norte", 10, 11) + relation(21, "Sul", 10, 12) + "</osm>");
        // 160 people in Norte, 40 in Sul
        Path cells = write("cells.csv", "id,lon,lat,population\nn1,-51.22,-30.00,100\ns1,-51.22,-30.10,40\nn2,-51.18,-30.02,60\n");
        Path facility = write("points.csv", "name,type,lon,lat\nE2E 收集点,collection_point,-51.2,-30.03\n");
        Path bad = write("bad.csv", "name,type,lon,lat\nok,collection_point,-51.2,-30.04\nfar,collection_point,-51.2,95.2\n");

        signIn();
        open();
        waitUntil(() -> browser.findElement(By.id("import-panel")).isDisplayed());
        int markersBefore = markers().size();
        assertThat(markersBefore).isEqualTo(11);

        // districts: without a level the refusal lists the levels the extract has
        new Select(browser.findElement(By.id("import-target"))).selectByValue("districts");
        assertThat(browser.findElement(By.id("import-admin-level-label")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("import-crs-label")).isDisplayed()).isFalse();
        browser.findElement(By.id("import-file")).sendKeys(extract.toString());
        WebElement result = submit();
        assertThat(result.getAttribute("class")).isEqualTo("error");
        assertThat(result.getText()).contains("districts.osm has admin_level 10 (2 boundaries)");
        assertThat(http.getForObject("/api/districts/names", String.class)).isEqualTo("[]");

        browser.findElement(By.id("import-admin-level")).sendKeys("10");
        browser.findElement(By.id("import-file")).sendKeys(extract.toString());
        result = submit();
        assertThat(result.getAttribute("class")).as(result.getText()).isEqualTo("info");
        assertThat(result.findElement(By.className("import-summary")).getText()).contains("districts.osm");
        assertThat(http.getForObject("/api/districts/names", String.class)).isEqualTo("[\"Norte\",\"Sul\"]");
        assertThat(http.getForObject("/api/districts/layers", String.class)).isEqualTo("[{\"name\":\"districts\",\"areaCount\":2}]");
        // the siting panel offers the new districts
        waitUntil(() -> browser.findElements(By.cssSelector("#siting-district option[value='Sul']")).size() == 1);
        // and a quota per district: with none for Norte, three new toilets all go to Sul
        browser.findElement(By.cssSelector("#siting-quotas summary")).click();
        browser.findElement(By.cssSelector("#siting-quota-table input[data-district='Norte']")).sendKeys("0");
        WebElement sites = browser.findElement(By.id("siting-p"));
        sites.clear();
        sites.sendKeys("3");
        WebElement seconds = browser.findElement(By.id("siting-time"));
        seconds.clear();
        seconds.sendKeys("15");
        browser.findElement(By.id("btn-siting")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("siting-status"))
                .getAttribute("data-status") != null);
        List<String> districtsOfSites = browser.findElements(By.cssSelector("#siting-table tr.siting-row")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(3).getText()).toList();
        assertThat(districtsOfSites).containsExactly("Sul", "Sul", "Sul");
        assertThat(browser.findElement(By.cssSelector("#siting-status .siting-quota-use")).getText()).contains("Norte 0/0");
        // the quota binds: the same run without it sends its toilets to Norte
        org.springframework.http.HttpHeaders jsonHeaders = new org.springframework.http.HttpHeaders();
        jsonHeaders.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        JsonNode free = new ObjectMapper().readTree(http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .postForObject("/api/siting?wait=true", new org.springframework.http.HttpEntity<>("{\"type\":\"public_toilet\","
                        + "\"model\":\"mclp\",\"p\":3,\"radiusMeters\":300,\"timeLimitSeconds\":15,\"include\":[\"under_construction\","
                        + "\"completed\"]}", jsonHeaders), String.class));
        assertThat(free.path("result").path("proposals").findValuesAsText("district")).contains("Norte");
        browser.findElement(By.cssSelector("#siting-quota-table input[data-district='Norte']")).clear();
        // a facility added on the map has the district it lies in filled in
        browser.findElement(By.id("btn-add")).click();
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(browser.findElement(By.id("map")), 60, 60).click()
                .perform();
        WebElement form = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.id("facility-form")));
        String lon = form.findElement(By.name("lon")).getAttribute("value");
        String lat = form.findElement(By.name("lat")).getAttribute("value");
        String expected = new ObjectMapper().readTree(http.getForObject("/api/districts/at?lon=" + lon + "&lat=" + lat,
                String.class)).path("district").asText();
        assertThat(expected).isIn("Norte", "Sul");
        waitUntil(() -> expected.equals(form.findElement(By.name("district")).getAttribute("value")));
        browser.findElement(By.id("btn-cancel")).click();

        // a second population layer: the coverage panel now asks which one
        assertThat(browser.findElement(By.id("coverage-layer-label")).isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("import-target"))).selectByValue("demand");
        browser.findElement(By.id("import-layer")).sendKeys("e2e-cells");
        browser.findElement(By.id("import-file")).sendKeys(cells.toString());
        result = submit();
        assertThat(result.getAttribute("class")).as(result.getText()).isEqualTo("info");
        waitUntil(() -> browser.findElement(By.id("coverage-layer-label")).isDisplayed());
        new Select(browser.findElement(By.id("coverage-layer"))).selectByValue("e2e-cells");
        browser.findElement(By.id("btn-coverage")).click();
        waitUntil(() -> browser.findElements(By.cssSelector("#coverage-table tr.district-row")).size() == 2);
        Map<String, Double> totals = browser.findElements(By.cssSelector("#coverage-table tr.district-row")).stream()
                .collect(Collectors.toMap(r -> r.getAttribute("data-district"), r -> Double.parseDouble(r.getAttribute("data-total"))));
        assertThat(totals).isEqualTo(Map.of("Norte", 160.0, "Sul", 40.0));
        JsonNode api = new ObjectMapper().readTree(http.getForObject(
                "/api/coverage?type=public_toilet&radiusMeters=300&metric=euclidean&layer=e2e-cells", String.class));
        assertThat(Double.parseDouble(browser.findElement(By.id("coverage-summary")).getAttribute("data-covered")))
                .isEqualTo(api.path("coveredPopulation").asDouble());
        assertThat(browser.findElement(By.id("download-csv")).getAttribute("href")).contains("layer=e2e-cells");

        // the same boundaries as a second district layer: the coverage panel asks which layer splits the figures
        assertThat(browser.findElement(By.id("coverage-district-layer-label")).isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("import-target"))).selectByValue("districts");
        browser.findElement(By.id("import-layer")).clear();
        browser.findElement(By.id("import-layer")).sendKeys("bairros-2");
        browser.findElement(By.id("import-file")).sendKeys(extract.toString());
        result = submit();
        assertThat(result.getAttribute("class")).as(result.getText()).isEqualTo("info");
        waitUntil(() -> browser.findElement(By.id("coverage-district-layer-label")).isDisplayed());
        new Select(browser.findElement(By.id("coverage-district-layer"))).selectByValue("bairros-2");
        browser.findElement(By.id("btn-coverage")).click();
        waitUntil(() -> browser.findElement(By.id("download-csv")).getAttribute("href").contains("districtLayer=bairros-2"));
        assertThat(browser.findElements(By.cssSelector("#coverage-table tr.district-row"))).hasSize(2);

        // stored layers are listed and can be deleted: with one population layer left, the choice goes
        List<String> stored = browser.findElements(By.cssSelector("#import-layers li.stored-layer")).stream()
                .map(li -> li.getAttribute("data-target") + ":" + li.getAttribute("data-layer")).toList();
        assertThat(stored).contains("demand:e2e-cells", "districts:districts", "districts:bairros-2").hasSize(4);
        browser.findElement(By.cssSelector("#import-layers li[data-layer='e2e-cells'] .btn-delete-layer")).click();
        browser.switchTo().alert().accept();
        waitUntil(() -> !browser.findElement(By.id("coverage-layer-label")).isDisplayed());
        waitUntil(() -> browser.findElements(By.cssSelector("#import-layers li[data-layer='e2e-cells']")).isEmpty());
        assertThat(http.getForObject("/api/demand/layers", String.class)).doesNotContain("e2e-cells");

        // facilities from a CSV appear on the map; a file with a bad row is refused whole, with the row
        new Select(browser.findElement(By.id("import-target"))).selectByValue("facilities");
        browser.findElement(By.id("import-file")).sendKeys(facility.toString());
        result = submit();
        assertThat(result.getAttribute("class")).as(result.getText()).isEqualTo("info");
        waitUntil(() -> markers().size() == markersBefore + 1);
        // the district layer chosen in the coverage panel named its district: (-51.2, -30.03) lies in Norte
        assertThat(http.getForObject("/api/facilities?size=100", String.class)).contains("\"name\":\"E2E 收集点\"");
        JsonNode imported = null;
        for (JsonNode f : new ObjectMapper().readTree(http.getForObject("/api/facilities?size=100", String.class)).path("features")) {
            if ("E2E 收集点".equals(f.path("properties").path("name").asText())) {
                imported = f;
            }
        }
        assertThat(imported.path("properties").path("district").asText()).isEqualTo("Norte");
        // the demo's toilets name no district; the layer's button fills them all (the demo lies inside Norte and Sul)
        long withoutDistrict = 0;
        for (JsonNode f : new ObjectMapper().readTree(http.getForObject("/api/facilities?size=100", String.class)).path("features")) {
            withoutDistrict += f.path("properties").path("district").isNull() ? 1 : 0;
        }
        assertThat(withoutDistrict).isEqualTo(11);
        browser.findElement(By.cssSelector("#import-layers li[data-layer='bairros-2'] .btn-assign-districts")).click();
        waitUntil(() -> "11".equals(browser.findElement(By.cssSelector("#import-layers li[data-layer='bairros-2']"))
                .getAttribute("data-filled")));
        assertThat(http.getForObject("/api/facilities?size=100", String.class)).doesNotContain("\"district\":null");
        browser.findElement(By.id("import-file")).sendKeys(bad.toString());
        result = submit();
        assertThat(result.getAttribute("class")).isEqualTo("error");
        // rows count as a spreadsheet shows them, the header being row 1
        assertThat(result.getText()).contains("latitude 95.2 out of range [-90, 90] at row 3");
        assertThat(markers()).hasSize(markersBefore + 1);
        assertThat(apiTotalCount()).isEqualTo(markersBefore + 1);

        // radius zones: land-use parcels named by their landuse attribute (two residential ones joined), a city rule
        // of 500 m for residential land; the coverage panel then serves Norte's residents within 500 m
        Path landUse = write("landuse.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + landUse("residential", -51.30, -30.05, -51.20, -29.95) + "," + landUse("residential", -51.20, -30.05, -51.10, -29.95)
                + "," + landUse("commercial", -51.30, -30.15, -51.10, -30.05) + "]}");
        new Select(browser.findElement(By.id("import-target"))).selectByValue("districts");
        browser.findElement(By.id("import-layer")).clear();
        browser.findElement(By.id("import-layer")).sendKeys("landuse");
        browser.findElement(By.id("import-name-property")).sendKeys("landuse");
        browser.findElement(By.id("import-file")).sendKeys(landUse.toString());
        result = submit();
        assertThat(result.getAttribute("class")).as(result.getText()).isEqualTo("info");
        assertThat(http.getForObject("/api/districts/names?layer=landuse", String.class)).isEqualTo("[\"commercial\",\"residential\"]");
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity("/api/standards",
                new org.springframework.http.HttpEntity<>("{\"code\":\"poa-toilet-residential\",\"facilityType\":\"public_toilet\","
                        + "\"kind\":\"radius\",\"areaClass\":\"residential\",\"maxValue\":500,\"source\":\"city plan\","
                        + "\"confidence\":\"L\",\"active\":true}", headers), String.class).getStatusCode().value()).isEqualTo(201);
        new Select(browser.findElement(By.id("coverage-type"))).selectByValue("public_toilet");
        waitUntil(() -> browser.findElements(By.cssSelector("#coverage-zone-layer option[value='landuse']")).size() == 1);
        new Select(browser.findElement(By.id("coverage-zone-layer"))).selectByValue("landuse");
        browser.findElement(By.id("btn-coverage")).click();
        waitUntil(() -> browser.findElements(By.cssSelector("#coverage-table tr.zone-row")).size() == 2);
        List<WebElement> zoneRows = browser.findElements(By.cssSelector("#coverage-table tr.zone-row"));
        assertThat(zoneRows.get(0).getAttribute("data-zone")).isEqualTo("residential");
        assertThat(zoneRows.get(0).getAttribute("data-radius")).isEqualTo("500");
        String radius = browser.findElement(By.id("coverage-radius")).getAttribute("value");
        JsonNode zoned = new ObjectMapper().readTree(http.getForObject("/api/coverage?type=public_toilet&radiusMeters=" + radius
                + "&zoneLayer=landuse", String.class));
        JsonNode plain = new ObjectMapper().readTree(http.getForObject("/api/coverage?type=public_toilet&radiusMeters=" + radius,
                String.class));
        assertThat(Double.parseDouble(browser.findElement(By.id("coverage-summary")).getAttribute("data-covered")))
                .isEqualTo(zoned.path("coveredPopulation").asDouble());
        assertThat(zoned.path("coveredPopulation").asDouble()).isGreaterThan(plain.path("coveredPopulation").asDouble());
        assertThat(browser.findElement(By.id("download-html")).getAttribute("href")).contains("zoneLayer=landuse");
    }

    private static String landUse(String use, double minLon, double minLat, double maxLon, double maxLat) {
        return "{\"type\":\"Feature\",\"properties\":{\"landuse\":\"" + use + "\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[" + minLon + "," + minLat + "],[" + maxLon + "," + minLat + "],[" + maxLon + "," + maxLat
                + "],[" + minLon + "," + maxLat + "],[" + minLon + "," + minLat + "]]]}}";
    }

    private static String relation(long id, String name, long... ways) {
        StringBuilder r = new StringBuilder("<relation id='" + id + "'>");
        for (long w : ways) {
            r.append("<member type='way' ref='").append(w).append("' role='outer'/>");
        }
        return r.append("<tag k='type' v='boundary'/><tag k='boundary' v='administrative'/><tag k='admin_level' v='10'/>")
                .append("<tag k='name' v='").append(name).append("'/></relation>").toString();
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toAbsolutePath();
    }

    /** Submits the import form and waits for its answer. */
    private WebElement submit() {
        ((JavascriptExecutor) browser).executeScript("document.getElementById('import-result').removeAttribute('data-status');");
        browser.findElement(By.id("btn-import")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("import-result")).getAttribute("data-status") != null);
        return browser.findElement(By.id("import-result"));
    }

    private void signIn() {
        browser.get("http://localhost:" + port + "/login.html");
        browser.findElement(By.name("username")).sendKeys(TestUsers.ADMIN);
        browser.findElement(By.name("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
        browser.findElement(By.id("btn-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void open() {
        browser.get("http://localhost:" + port + "/?cluster=off");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("return document.body.getAttribute('data-ready')")));
    }

    private List<WebElement> markers() {
        return browser.findElements(By.cssSelector(".facility-marker"));
    }

    private long apiTotalCount() throws Exception {
        return new ObjectMapper().readTree(http.getForObject("/api/facilities?size=1", String.class)).path("totalCount").asLong();
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> condition.getAsBoolean());
    }
}
