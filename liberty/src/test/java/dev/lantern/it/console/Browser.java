package dev.lantern.it.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless chromium driven through chromium-driver (installed by .ci/run), each browser with a
 * fresh profile. The flags keep it off the network (closed here) and working as root.
 */
final class Browser {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private Browser() {
    }

    static Path binary() {
        return Path.of(System.getProperty("lantern.it.chromium", "/usr/bin/chromium"));
    }

    static Path driverBinary() {
        return Path.of(System.getProperty("lantern.it.chromedriver", "/usr/bin/chromedriver"));
    }

    static ChromeDriver start(Path profile) {
        if (!Files.isExecutable(binary()) || !Files.isExecutable(driverBinary())) {
            throw new AssertionError("The console's end-to-end tests need Debian's chromium and chromium-driver ("
                    + binary() + ", " + driverBinary() + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** The browser console's messages so far (errors of the page, CSP violations). */
    static List<String> consoleMessages(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::toString).toList();
    }

    /** A screenshot into target/console-screenshots (docs/console holds the committed ones). */
    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Path dir = Path.of(System.getProperty("lantern.it.screenshots", "target/console-screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
