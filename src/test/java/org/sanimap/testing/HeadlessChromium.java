package org.sanimap.testing;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.sanimap.store.PostgisTestDatabase;

/**
 * Debian's Chromium driven headless by Debian's chromedriver (never a downloaded browser), for the
 * end-to-end tests of the map. Outside CI a machine without them skips those tests; under
 * {@code CI=true} they must be there.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    public static WebDriver start() throws IOException {
        if (!PostgisTestDatabase.required()) {
            assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                    .as("Chromium and chromedriver are installed (required under CI=true)").isTrue();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-quic", "--window-size=1300,900", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("sanimap-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
    /**
     * Clicks {@code element} once nothing covers its centre: Leaflet pans a popup into view with an animation,
     * and a click during it lands on whatever is there (the top bar, CI 2026-12-04).
     */
    public static void clickWhenUncovered(WebDriver browser, org.openqa.selenium.WebElement element) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("var r = arguments[0].getBoundingClientRect();"
                        + " var e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                        + " return e === arguments[0] || arguments[0].contains(e);", element)));
        element.click();
    }
}
