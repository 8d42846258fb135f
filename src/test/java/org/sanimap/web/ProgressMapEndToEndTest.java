package org.sanimap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanimap.testing.HeadlessChromium;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityService;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.progress.ProgressService;
import org.sanimap.progress.ProjectDraft;
import org.sanimap.progress.TransitionRequest;
import org.sanimap.store.H2gisTestStore;
import org.sanimap.user.Role;
import org.sanimap.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The key steps of the progress campaign in headless Chromium: the project filter, the dashboard
 * and overdue highlighting, the date slider replaying an earlier date, a facility's timeline on
 * click, a manager importing an edited ledger, and a viewer refused. A small campaign: 6 toilets,
 * 东区 2 completed (2026-05-20, 2026-06-02) and 1 under construction, 西区 3 planned; one more
 * facility outside the project.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressMapEndToEndTest {

    private static WebDriver browser;
    private static long project;
    private static List<Long> ids;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        H2gisTestStore.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ProgressService progress;
    @Autowired
    FacilityService facilities;
    @Autowired
    UserService users;

    private final ObjectMapper json = new ObjectMapper();

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

    private void campaign() {
        if (ids != null) {
            return;
        }
        users.create("map.manager", "manager-password", Role.MANAGER);
        users.create("map.viewer", "viewer-password", Role.VIEWER);
        users.create("map.planner", "planner-password", Role.PLANNER);
        List<FacilityAttributes> planned = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            planned.add(new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.PLANNED, "T" + i, null,
                    i < 3 ? "东区" : "西区", null, null, null, null, null, 10 + i * 0.002, 20 + (i % 2) * 0.002,
                    FacilitySource.manual()));
        }
        project = progress.createProjectWithPlannedFacilities(new ProjectDraft("地图演示", FacilityType.PUBLIC_TOILET, 6,
                List.of("东区", "西区"), null, null, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 1, 5)), planned, "planner").id();
        ids = progress.facilityIds(project);
        for (int i = 0; i < 3; i++) {
            for (FacilityStatus s : List.of(FacilityStatus.SITE_SELECTED, FacilityStatus.APPROVED, FacilityStatus.UNDER_CONSTRUCTION)) {
                progress.transition(new TransitionRequest(ids.get(i), s, LocalDate.of(2026, 3, 10), null, null), "manager");
            }
        }
        progress.transition(new TransitionRequest(ids.get(0), FacilityStatus.COMPLETED, LocalDate.of(2026, 5, 20), null, null), "manager");
        progress.transition(new TransitionRequest(ids.get(1), FacilityStatus.COMPLETED, LocalDate.of(2026, 6, 2), null, null), "manager");
        facilities.create(new FacilityAttributes(FacilityType.COLLECTION_POINT, FacilityStatus.IN_SERVICE, "outside", null, "东区",
                null, null, null, null, null, 10.004, 20.004, FacilitySource.manual()));
    }

    @Test
    void anonymousVisitorsFilterByProjectReplayADateAndSeeTimelines() throws Exception {
        campaign();
        browser.manage().deleteAllCookies();
        open();
        assertThat(browser.findElement(By.id("link-sign-in")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("ledger-form")).isDisplayed()).isFalse();
        assertThat(markers()).hasSize(7);

        // the project filter hides the facility outside the project; the table shows the API's counts
        new Select(browser.findElement(By.id("progress-project"))).selectByValue(Long.toString(project));
        waitUntil(() -> "6".equals(browser.findElement(By.id("progress-dashboard")).getAttribute("data-total")));
        waitUntil(() -> visibleMarkers().size() == 6);
        JsonNode api = json.readTree(http.getForObject("/api/dashboard?groupBy=district,status&project=" + project, String.class));
        for (JsonNode row : api.path("rows")) {
            assertThat(cell(row.path("district").asText(), row.path("status").asText())).isEqualTo(row.path("count").asText());
        }
        assertThat(cell("东区", "completed")).isEqualTo("2");
        assertThat(cell("西区", "planned")).isEqualTo("3");

        // overdue facilities are highlighted: the planned end 2026-06-30 has passed for the 4 not completed
        int overdue = json.readTree(http.getForObject("/api/dashboard/overdue?project=" + project, String.class)).size();
        assertThat(overdue).isEqualTo(4);
        waitUntil(() -> browser.findElements(By.cssSelector(".facility-marker.progress-overdue")).size() == overdue);
        assertThat(browser.findElement(By.id("progress-overdue")).getAttribute("data-count")).isEqualTo("4");

        // the date slider replays the end of May: one completed, two under construction in 东区
        ((JavascriptExecutor) browser).executeScript("var s = document.getElementById('progress-date');"
                + "for (var v = 0; v <= Number(s.max); v++) { s.value = v; s.dispatchEvent(new Event('input'));"
                + "  if (document.getElementById('progress-date-label').textContent === '2026-05-31') { break; } }"
                + "s.dispatchEvent(new Event('change'));");
        waitUntil(() -> "2026-05-31".equals(browser.findElement(By.id("progress-panel")).getAttribute("data-as-of")));
        waitUntil(() -> "1".equals(cell("东区", "completed")));
        assertThat(cell("东区", "under_construction")).isEqualTo("2");
        waitUntil(() -> browser.findElements(By.cssSelector(".facility-marker[data-status-on-date='completed']")).size() == 1);
        assertThat(browser.findElements(By.cssSelector(".facility-marker[data-status-on-date='under_construction']"))).hasSize(2);

        // a facility's timeline on click, with the user of each step
        browser.findElement(By.cssSelector(".facility-marker[title='T0']")).click();
        waitUntil(() -> browser.findElements(By.cssSelector("#progress-timeline li[data-to]")).size() == 5);
        List<String> steps = new ArrayList<>();
        for (WebElement li : browser.findElements(By.cssSelector("#progress-timeline li[data-to]"))) {
            steps.add(li.getAttribute("data-to") + "@" + li.getAttribute("data-date") + "/" + li.getAttribute("data-user"));
        }
        assertThat(steps).containsExactly("planned@2026-01-05/planner", "site_selected@2026-03-10/manager",
                "approved@2026-03-10/manager", "under_construction@2026-03-10/manager", "completed@2026-05-20/manager");
        assertThat(browser.findElements(By.id("transition-form"))).isEmpty();
    }

    @Test
    void aManagerImportsAnEditedLedgerAndAViewerIsRefused() throws Exception {
        campaign();
        browser.manage().deleteAllCookies();
        signIn("map.manager", "manager-password");
        open();
        assertThat(browser.findElement(By.id("user-box")).getAttribute("data-role")).isEqualTo("manager");
        assertThat(browser.findElement(By.id("ledger-form")).isDisplayed()).isTrue();
        // imports and layer edits are a planner's: a manager does not see the panel
        assertThat(browser.findElement(By.id("import-panel")).isDisplayed()).isFalse();
        String completedBefore = cell("*", "completed");

        // T2 (under construction) completed in the ledger
        byte[] ledger = http.getForObject("/api/ledger?project=" + project, byte[].class);
        Path edited = Files.createTempFile("ledger-", ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ledger)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if ((long) row.getCell(16).getNumericCellValue() == ids.get(2)) {
                    row.getCell(8).setCellValue("已建成");
                    row.createCell(12).setCellValue("2026-07-01");
                }
            }
            book.write(out);
            Files.write(edited, out.toByteArray());
        }
        browser.findElement(By.id("ledger-file")).sendKeys(edited.toAbsolutePath().toString());
        browser.findElement(By.id("btn-ledger-import")).click();
        waitUntil(() -> "200".equals(browser.findElement(By.id("ledger-result")).getAttribute("data-status")));
        waitUntil(() -> cell("*", "completed").equals(Integer.toString(Integer.parseInt(completedBefore) + 1)));
        assertThat(json.readTree(http.getForObject("/api/facilities/" + ids.get(2), String.class)).path("properties")
                .path("status").asText()).isEqualTo("completed");
        // completions per month are asked again after the import: July now has the one the ledger recorded
        java.util.Map<String, String> expected = new java.util.TreeMap<>();
        json.readTree(http.getForObject("/api/dashboard/completions", String.class))
                .forEach(m -> expected.put(m.path("month").asText(), m.path("completed").asText()));
        assertThat(expected).containsEntry("2026-07", "1");
        waitUntil(() -> chartRows().equals(expected));

        // a viewer sees no import and the API refuses a change from the page
        browser.manage().deleteAllCookies();
        signIn("map.viewer", "viewer-password");
        open();
        assertThat(browser.findElement(By.id("user-box")).getAttribute("data-role")).isEqualTo("viewer");
        assertThat(browser.findElement(By.id("ledger-form")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("import-panel")).isDisplayed()).isFalse();
        // nor the siting run button: it says who may propose sites
        waitUntil(() -> browser.findElement(By.id("siting-viewer-note")).isDisplayed());
        assertThat(browser.findElement(By.id("btn-siting")).isDisplayed()).isFalse();
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/api/facilities/" + ids.get(3) + "/transitions', {method: 'POST', headers: {'Content-Type': "
                + "'application/json'}, body: '{\"to\":\"site_selected\"}'}).then(function (r) { done(r.status); });");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(json.readTree(http.getForObject("/api/facilities/" + ids.get(3), String.class)).path("properties")
                .path("status").asText()).isEqualTo("planned");
    }

    @Test
    void aRegistryEditInTheMapFormShowsInTheDashboardWithoutAReload() throws Exception {
        campaign();
        browser.manage().deleteAllCookies();
        signIn("map.planner", "planner-password");
        open();
        // T5 is planned in 西区 (see campaign)
        String eastPlanned = cell("东区", "planned");
        String westPlanned = cell("西区", "planned");
        assertThat(westPlanned).isEqualTo("3");
        editDistrict("T5", "东区");
        waitUntil(() -> cell("西区", "planned").equals("2"));
        assertThat(cell("东区", "planned")).isEqualTo(Integer.toString(parseCount(eastPlanned) + 1));
        int apiEastPlanned = 0;
        for (JsonNode row : json.readTree(http.getForObject("/api/dashboard?groupBy=district,status", String.class)).path("rows")) {
            if (row.path("district").asText().equals("东区") && row.path("status").asText().equals("planned")) {
                apiEastPlanned += row.path("count").asInt();
            }
        }
        assertThat(cell("东区", "planned")).isEqualTo(Integer.toString(apiEastPlanned));
        assertThat(json.readTree(http.getForObject("/api/facilities/" + ids.get(5), String.class)).path("properties")
                .path("district").asText()).isEqualTo("东区");

        // and back, so that the other tests of the class see the campaign as built
        editDistrict("T5", "西区");
        waitUntil(() -> cell("西区", "planned").equals("3"));
        assertThat(cell("东区", "planned")).isEqualTo(eastPlanned);
    }

    /** Opens the facility's popup, its edit form, and saves it with another district. */
    private void editDistrict(String name, String district) {
        browser.findElement(By.cssSelector(".facility-marker[title='" + name + "']")).click();
        HeadlessChromium.clickWhenUncovered(browser, new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.cssSelector(".leaflet-popup .btn-edit"))));
        WebElement form = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.id("facility-form")));
        WebElement field = form.findElement(By.name("district"));
        field.clear();
        field.sendKeys(district);
        browser.findElement(By.id("btn-save")).click();
    }

    private static int parseCount(String cell) {
        return cell.isEmpty() ? 0 : Integer.parseInt(cell);
    }

    private void signIn(String user, String password) {
        browser.get("http://localhost:" + port + "/login.html");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.id("btn-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void open() {
        browser.get("http://localhost:" + port + "/?cluster=off");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("return document.body.getAttribute('data-ready')")));
        waitUntil(() -> "true".equals(browser.findElement(By.id("progress-panel")).getAttribute("data-ready")));
    }

    private List<WebElement> markers() {
        return browser.findElements(By.cssSelector(".facility-marker"));
    }

    private List<WebElement> visibleMarkers() {
        return browser.findElements(By.cssSelector(".facility-marker:not(.progress-hidden)"));
    }

    /** The completions chart as month -> count. */
    private java.util.Map<String, String> chartRows() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#progress-chart .bar-row"))) {
            out.put(row.getAttribute("data-month"), row.getAttribute("data-completed"));
        }
        return out;
    }

    /** The dashboard table's cell of a district ('*' for the total row) and status. */
    private String cell(String district, String status) {
        List<WebElement> cells = browser.findElements(By.cssSelector("#progress-dashboard-table tr[data-district='" + district
                + "'] td[data-status='" + status + "']"));
        return cells.isEmpty() ? "" : cells.get(0).getText();
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        // the panel redraws its table on each refresh: an element read mid-redraw is read again
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }
}
