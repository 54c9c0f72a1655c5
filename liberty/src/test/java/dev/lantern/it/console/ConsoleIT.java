package dev.lantern.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.it.LanternServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (headless chromium) against the running server: log in, a streamed chat,
 * stopping a generation (cancelled on the server), documents uploaded and followed to ready, a grounded
 * answer whose citation opens its passage, API keys, the administrator's pages, and injection attempts
 * through documents, file names and Markdown that stay inert. Screenshots go to target/console-screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final Duration LONG = Duration.ofMinutes(3);
    private static final Pattern FIGURES =
            Pattern.compile("\\d+ prompt \\+ \\d+ completion tokens · [0-9.]+ tokens/s");

    @TempDir
    static Path profile;

    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        driver = Browser.start(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void freshTab() {
        driver.manage().window().setSize(Browser.DESKTOP);
        driver.get(LanternServer.baseUrl() + "/console/");
        driver.executeScript("sessionStorage.clear();");
        driver.get(LanternServer.baseUrl() + "/console/");
    }

    @AfterEach
    void noPolicyViolations() {
        List<String> violations = Browser.consoleMessages(driver).stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertTrue(violations.isEmpty(), "the page broke its policy or threw: " + violations);
    }

    @Test
    @Order(1)
    void logsInChatsWithAStreamedAnswerAndLogsOutEndingTheSession() throws Exception {
        String[] user = ConsoleApi.newUser("user");
        assertTrue(find("#view-login").isDisplayed());
        screenshots("login");
        login(user[1], ConsoleApi.PASSWORD);
        waitFor(d -> find("#chat-model").findElements(By.tagName("option")).size() > 0, SHORT);
        assertFalse(find("#nav-admin").isDisplayed(), "a user sees no administration");
        String stored = (String) driver.executeScript("return sessionStorage.getItem('lantern.session');");
        assertNotNull(stored, "the tokens live in the tab's sessionStorage");
        assertEquals(0L, driver.executeScript("return window.localStorage.length;"), "nothing in localStorage");

        openSettings();
        type("#set-min-tokens", "120");
        type("#set-max-tokens", "160");
        // Streaming: the page records the answer's length each time it changes while marked as streaming.
        driver.executeScript("window.__lengths = [];"
                + "new MutationObserver(() => { const c = document.querySelector('.message.assistant.streaming .content');"
                + "  if (c) window.__lengths.push(c.textContent.length); })"
                + ".observe(document.querySelector('#chat-log'), {subtree: true, childList: true, characterData: true});");
        find("#chat-input").sendKeys("Tell me about the harbour.", Keys.ENTER);
        waitFor(d -> find("#chat-send").isEnabled() && !text(".message.assistant .meta").isEmpty(), LONG);
        @SuppressWarnings("unchecked")
        List<Long> lengths = (List<Long>) driver.executeScript("return [...new Set(window.__lengths.filter(n => n > 0))];");
        assertTrue(lengths.size() >= 2, "the answer was shown while it streamed, growing: " + lengths);
        String meta = waitFor(d -> text(".message.assistant .meta").isEmpty() ? null : text(".message.assistant .meta"), SHORT);
        assertTrue(FIGURES.matcher(meta).find(), meta);
        assertFalse(text(".message.assistant .content").isBlank());
        find("#chat-settings summary").click();
        screenshots("chat");

        driver.navigate().refresh();
        waitFor(d -> driver.findElements(By.cssSelector("#chat-log .message")).size() == 2, SHORT);
        assertEquals("Tell me about the harbour.", text(".message.user .content"), "the conversation stays in the tab");

        driver.get(LanternServer.baseUrl() + "/console/#admin");
        waitFor(d -> find("#view-chat").isDisplayed(), SHORT);

        // Refresh rotation: the module the page runs is the one imported here (same URL, same instance).
        String before = refreshToken();
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/console/js/api.js').then(m => m.session.refresh()).then(() => done(), e => done(String(e)));");
        String after = refreshToken();
        assertNotEquals(before, after, "refreshing rotates the refresh token");
        find("nav a[data-view='keys']").click();
        waitFor(d -> find("#view-keys").isDisplayed() && find("#keys-empty").isDisplayed(), SHORT);

        find("#logout").click();
        waitFor(d -> find("#view-login").isDisplayed(), SHORT);
        assertNull(driver.executeScript("return sessionStorage.getItem('lantern.session');"));
        HttpResponse<String> refresh = ConsoleApi.json("POST", "/auth/refresh", null, Map.of("refresh_token", after));
        assertEquals(401, refresh.statusCode(), "logging out ended the refresh family: " + refresh.body());
    }

    @Test
    @Order(2)
    void stopCancelsTheGenerationOnTheServer() throws Exception {
        String[] user = ConsoleApi.newUser("user");
        login(user[1], ConsoleApi.PASSWORD);
        openSettings();
        type("#set-min-tokens", "900");
        type("#set-max-tokens", "900");
        double cancelledBefore = ConsoleApi.metric("lantern_request_success_total", "finished_reason=\"cancelled\"");
        find("#chat-input").sendKeys("Write a very long story about lighthouses.", Keys.ENTER);
        // Stop as soon as the answer shows (waiting in the page: the demo model writes 900 tokens in seconds).
        driver.manage().timeouts().scriptTimeout(LONG);
        Object shownBeforeStop = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const check = () => { const c = document.querySelector('.message.assistant.streaming .content');"
                + "  const stop = document.querySelector('#chat-stop');"
                + "  const ended = document.querySelector('.message.assistant .meta');"
                + "  if (c && c.textContent.length > 0 && !stop.disabled) { stop.click(); done(c.textContent.length); }"
                + "  else if (ended) done('ended before it could be stopped: ' + ended.textContent);"
                + "  else setTimeout(check, 5); }; check();");
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        assertTrue(shownBeforeStop instanceof Number && ((Number) shownBeforeStop).intValue() > 0,
                String.valueOf(shownBeforeStop));
        waitFor(d -> text("#chat-status").equals("Stopped."), SHORT);
        String meta = text(".message.assistant .meta");
        assertTrue(meta.contains("stopped"), meta);
        int tokens = Integer.parseInt(meta.replaceAll("^(\\d+) tokens.*", "$1"));
        assertTrue(tokens < 900, meta);
        assertTrue(find("#chat-send").isEnabled() && !find("#chat-stop").isEnabled());
        // The server notices the closed stream at its next write and cancels the rows.
        waitFor(d -> metricQuietly("lantern_request_success_total", "finished_reason=\"cancelled\"") > cancelledBefore,
                SHORT);
    }

    @Test
    @Order(3)
    void uploadsDocumentsFollowsThemToReadyAndCitesThem() throws Exception {
        String[] user = ConsoleApi.newUser("user");
        login(user[1], ConsoleApi.PASSWORD);
        go("documents");
        Path docx = fixture("fixture.docx");
        Path pdf = fixture("fixture.pdf");
        find("#file-input").sendKeys(docx + "\n" + pdf);
        waitFor(d -> driver.findElements(By.cssSelector("#uploads .upload[data-state='ready']")).size() == 2
                || !driver.findElements(By.cssSelector("#uploads .upload[data-state='failed']")).isEmpty(), LONG);
        assertTrue(driver.findElements(By.cssSelector("#uploads .upload[data-state='failed']")).isEmpty(),
                text("#uploads"));
        for (WebElement progress : driver.findElements(By.cssSelector("#uploads progress"))) {
            assertEquals("100", progress.getDomProperty("value"));
        }
        waitFor(d -> driver.findElements(By.cssSelector("#documents-table tbody tr")).size() == 2, SHORT);
        String table = text("#documents-table tbody");
        assertTrue(table.contains("fixture.docx") && table.contains("fixture.pdf"), table);
        assertEquals(2, driver.findElements(By.cssSelector("#documents-table td.ready")).size(), table);

        type("#search-query", "copper windmill barley");
        find("#search-query").sendKeys(Keys.ENTER);
        waitFor(d -> text("#search-results").contains("copper windmill grinds barley"), SHORT);
        assertTrue(text("#search-results").contains("fixture.docx"));
        screenshots("documents");

        go("chat");
        find("#chat-rag").click();
        find("#chat-input").sendKeys("What does the copper windmill grind?", Keys.ENTER);
        waitFor(d -> !driver.findElements(By.cssSelector(".message.assistant .citations button.cite")).isEmpty(), LONG);
        waitFor(d -> find("#chat-send").isEnabled(), LONG);
        String footnoteText = text(".message.assistant .citations button.cite");
        assertTrue(footnoteText.startsWith("[1] fixture."), footnoteText);
        find(".message.assistant .citations button.cite").click();
        waitFor(d -> find("#passage").isDisplayed(), SHORT);
        assertTrue(text("#passage-title").startsWith("[1] fixture."), text("#passage-title"));
        assertFalse(text("#passage-text").isBlank());
        String answerMeta = text(".message.assistant .meta");
        assertTrue(FIGURES.matcher(answerMeta).find(), answerMeta);
        screenshots("citation");
        find("#passage-close").click();
        waitFor(d -> !find("#passage").isDisplayed(), SHORT);

        go("documents");
        clickInRow("#documents-table", "fixture.pdf", By.cssSelector("button.danger"));
        driver.switchTo().alert().accept();
        waitFor(d -> row("#documents-table", "fixture.pdf") == null, SHORT);
        assertNotNull(waitFor(d -> row("#documents-table", "fixture.docx"), SHORT));
    }

    @Test
    @Order(4)
    void createsShowsOnceAndRevokesAnApiKey() throws Exception {
        String[] user = ConsoleApi.newUser("user");
        login(user[1], ConsoleApi.PASSWORD);
        go("keys");
        type("#key-name", "reporting job");
        find("#key-name").sendKeys(Keys.ENTER);
        waitFor(d -> find("#key-created").isDisplayed(), SHORT);
        String key = text("#key-value");
        assertTrue(key.startsWith("lk_"), key);
        for (String kind : List.of("curl", "python", "js", "langchain4j")) {
            new Select(find("#key-sample-kind")).selectByValue(kind);
            String sample = text("#key-sample");
            assertTrue(sample.contains(LanternServer.baseUrl() + "/v1") && sample.contains(key), kind + ": " + sample);
        }
        find("#key-copy").click();
        waitFor(d -> !text("#key-copied").isEmpty(), SHORT);
        assertEquals(200, withKey(key).statusCode(), "the new key works");
        screenshots("keys");
        find("#key-done").click();
        assertFalse(find("#key-created").isDisplayed());
        assertEquals("", find("#key-value").getDomProperty("textContent"), "the key is not kept in the page");

        clickInRow("#keys-table", "reporting job", By.cssSelector("button.danger"));
        driver.switchTo().alert().accept();
        waitFor(d -> row("#keys-table", "reporting job") == null, SHORT);
        assertEquals(401, withKey(key).statusCode(), "the revoked key no longer works");
    }

    @Test
    @Order(5)
    void administratorSeesLoadErrorsAndManagesUsers() throws Exception {
        String userToken = ConsoleApi.login(ConsoleApi.newUser("user")[1], ConsoleApi.PASSWORD);
        assertEquals(404, ConsoleApi.json("GET", "/v1/documents/no-such-document", userToken, null).statusCode());
        assertEquals(400, ConsoleApi.json("POST", "/v1/chat/completions", userToken, Map.of("messages", List.of()))
                .statusCode());
        String[] admin = LanternServer.generatedAdministrator();
        login(admin[0], admin[1]);
        assertTrue(find("#nav-admin").isDisplayed());
        go("admin");
        waitFor(d -> text("#errors-table tbody").contains("NOT_FOUND")
                && text("#errors-table tbody").contains("VALIDATION_ERROR"), SHORT);
        waitFor(d -> !driver.findElements(By.cssSelector("#errors-chart rect")).isEmpty(), SHORT);
        assertTrue(text("#errors-legend").contains("NOT_FOUND"), text("#errors-legend"));
        waitFor(d -> text("#load-running").matches("\\d+") && text("#load-waiting").matches("\\d+")
                && text("#load-tps").matches("[0-9.]+"), SHORT);
        // Load while the page watches: its tokens/s must follow the server's.
        String adminToken = ConsoleApi.adminToken();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 6 && !Thread.currentThread().isInterrupted(); i++) {
                try {
                    ConsoleApi.json("POST", "/v1/chat/completions", adminToken, Map.of("messages",
                            List.of(Map.of("role", "user", "content", "Write a long story.")),
                            "max_tokens", 900, "min_tokens", 900));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        try {
            waitFor(d -> Double.parseDouble(text("#load-tps")) > 0, LONG);
            waitFor(d -> !driver.findElements(By.cssSelector("#load-chart polyline")).isEmpty(), SHORT);
            screenshots("admin");
        } finally {
            load.join();
        }

        String email = "console-made-" + System.nanoTime() + "@example.org";
        type("#user-email", email);
        type("#user-password", "Made-in-the-console-1");
        new Select(find("#user-role")).selectByValue("user");
        find("#user-form button[type='submit']").click();
        waitFor(d -> {
            WebElement made = row("#users-table", email);
            return made != null && made.getText().contains("enabled");
        }, SHORT);
        clickInRow("#users-table", email, By.xpath(".//button[text()='Reset password']"));
        waitFor(d -> find("#password-dialog").isDisplayed(), SHORT);
        type("#password-new", "Reset-by-the-console-2");
        find("#password-form button[type='submit']").click();
        waitFor(d -> !find("#password-dialog").isDisplayed(), SHORT);
        waitFor(d -> loginStatus(email, "Reset-by-the-console-2") == 200, SHORT);
        clickInRow("#users-table", email, By.xpath(".//button[text()='Disable']"));
        waitFor(d -> {
            WebElement row = row("#users-table", email);
            return row != null && row.getText().contains("disabled");
        }, SHORT);
        assertEquals(401, loginStatus(email, "Reset-by-the-console-2"), "a disabled account cannot log in");
    }

    @Test
    @Order(6)
    void injectionThroughDocumentsFileNamesAndMarkdownStaysInert() throws Exception {
        String[] user = ConsoleApi.newUser("user");
        login(user[1], ConsoleApi.PASSWORD);
        go("documents");
        String hostileName = "<img src=x onerror=window.__pwned=1>.txt";
        String hostileText = "Zebra lighthouse keeper notes. <script>window.__pwned='script'</script> "
                + "<img src=x onerror=\"window.__pwned='img'\"> [click](javascript:window.__pwned='link') "
                + "<iframe src=\"javascript:window.__pwned='frame'\"></iframe> The zebra lighthouse keeper counts gulls.";
        // A drop of a file made in the page, as the drop zone receives one from the desktop.
        driver.executeScript("const dt = new DataTransfer();"
                + "dt.items.add(new File([arguments[1]], arguments[0], {type: 'text/plain'}));"
                + "document.querySelector('#dropzone').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
                hostileName, hostileText);
        waitFor(d -> !driver.findElements(By.cssSelector("#uploads .upload[data-state='ready'], #uploads .upload[data-state='failed']")).isEmpty(), LONG);
        assertTrue(driver.findElements(By.cssSelector("#uploads .upload[data-state='failed']")).isEmpty(), text("#uploads"));
        waitFor(d -> text("#documents-table tbody").contains(hostileName), SHORT);
        type("#search-query", "zebra lighthouse keeper");
        find("#search-query").sendKeys(Keys.ENTER);
        waitFor(d -> text("#search-results").contains("<script>window.__pwned='script'</script>"), SHORT);

        go("chat");
        find("#chat-rag").click();
        find("#chat-input").sendKeys("What does the zebra lighthouse keeper count? <img src=x onerror=\"window.__pwned='prompt'\">",
                Keys.ENTER);
        waitFor(d -> !driver.findElements(By.cssSelector(".message.assistant .citations button.cite")).isEmpty(), LONG);
        waitFor(d -> find("#chat-send").isEnabled(), LONG);
        find(".message.assistant .citations button.cite").click();
        waitFor(d -> find("#passage").isDisplayed(), SHORT);
        assertTrue(text("#passage-text").contains("<iframe src="), text("#passage-text"));
        assertTrue(text("#passage-title").contains(hostileName), text("#passage-title"));
        assertTrue(text(".message.user .content").contains("<img src=x"), "the prompt is shown as typed");
        find("#passage-close").click();

        // Model output takes the Markdown path: the console's own renderer, on what a model could write.
        String markdown = "# Title\n\n<img src=x onerror=\"window.__pwned='md-img'\">\n\n<script>window.__pwned='md-script'</script>\n\n"
                + "[click](javascript:window.__pwned='md-link') <a href=\"javascript:window.__pwned='md-a'\">a</a>\n\n"
                + "![pic](x\" onerror=\"window.__pwned='md-pic')\n\n<iframe src=\"https://example.org\"></iframe>\n\n"
                + "<svg onload=\"window.__pwned='md-svg'\"></svg> <form action=\"https://example.org\"><button>go</button></form>\n\n"
                + "```html\n<b>code</b>\n```\n\n**bold** and [a link](https://example.org)";
        @SuppressWarnings("unchecked")
        Map<String, Object> rendered = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "import('/console/js/markdown.js').then(m => { const d = document.createElement('div');"
                + "  document.querySelector('#chat-log').append(d); m.renderMarkdown(d, arguments[0]);"
                + "  setTimeout(() => done({html: d.innerHTML,"
                + "    dangerous: d.querySelectorAll('img, script, iframe, svg, form, button, [onerror], [onload]').length,"
                + "    scriptLinks: [...d.querySelectorAll('a')].filter(a => !/^https:/.test(a.getAttribute('href') || 'https:')).length,"
                + "    bold: d.querySelectorAll('strong').length, links: d.querySelectorAll('a[href=\"https://example.org\"][rel~=noopener]').length,"
                + "    code: d.querySelector('pre code') ? d.querySelector('pre code').textContent : null}), 300); })"
                + ".catch(e => done({error: String(e)}));", markdown);
        assertNull(rendered.get("error"), String.valueOf(rendered.get("error")));
        assertEquals(0L, rendered.get("dangerous"), String.valueOf(rendered.get("html")));
        assertEquals(0L, rendered.get("scriptLinks"), String.valueOf(rendered.get("html")));
        assertEquals(1L, rendered.get("bold"), String.valueOf(rendered.get("html")));
        assertEquals(1L, rendered.get("links"), String.valueOf(rendered.get("html")));
        assertEquals("<b>code</b>\n", rendered.get("code"));

        assertNull(driver.executeScript("return window.__pwned;"), "no injected code ran");
        assertEquals("TypeError", driver.executeScript("try { document.createElement('div').innerHTML = '<b>raw</b>';"
                + " return 'accepted'; } catch (e) { return e.name; }"), "Trusted Types refuse raw HTML in the page");
        assertEquals(0L, driver.executeScript("return document.querySelectorAll('main img, main script, main iframe').length;"));
        HttpResponse<String> page = LanternServer.get("/console/");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    @Order(7)
    void errorsAreShownWithTheirRequestId() throws Exception {
        find("#login-email").sendKeys("nobody-" + System.nanoTime() + "@example.org");
        find("#login-password").sendKeys("not-the-password-at-all");
        find("#login-submit").click();
        waitFor(d -> find("#error").isDisplayed(), SHORT);
        String error = text("#error-text");
        assertTrue(error.contains("INVALID_CREDENTIALS") && error.matches("(?s).*request id \\S+.*"), error);
        assertTrue(find("#view-login").isDisplayed());

        String[] user = ConsoleApi.newUser("user");
        login(user[1], ConsoleApi.PASSWORD);
        go("documents");
        driver.executeScript("const dt = new DataTransfer();"
                + "dt.items.add(new File(['MZ not really a program'], 'tool.exe', {type: 'application/octet-stream'}));"
                + "document.querySelector('#dropzone').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));");
        WebElement failed = waitFor(d -> driver.findElements(By.cssSelector("#uploads .upload[data-state='failed']"))
                .stream().findFirst().orElse(null), SHORT);
        assertTrue(failed.getText().contains("UNSUPPORTED_FILE_TYPE") && failed.getText().contains("request id"),
                failed.getText());
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static void login(String email, String password) {
        waitFor(d -> find("#view-login").isDisplayed(), SHORT);
        type("#login-email", email);
        type("#login-password", password);
        find("#login-submit").click();
        waitFor(d -> find("#nav").isDisplayed() && find("#view-chat").isDisplayed(), SHORT);
    }

    private static void go(String view) {
        find("nav a[data-view='" + view + "']").click();
        waitFor(d -> find("#view-" + view).isDisplayed(), SHORT);
    }

    private static void openSettings() {
        if (find("#chat-settings").getDomAttribute("open") == null) {
            find("#chat-settings summary").click();
        }
    }

    private static WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    private static String text(String css) {
        return find(css).getText();
    }

    private static void type(String css, String value) {
        WebElement element = find(css);
        element.clear();
        element.sendKeys(value);
    }

    private static WebElement row(String table, String containing) {
        return driver.findElements(By.cssSelector(table + " tbody tr")).stream()
                .filter(r -> r.getText().contains(containing)).findFirst().orElse(null);
    }

    /** Clicks a button of a table row, again if the row was redrawn meanwhile (the lists refresh themselves). */
    private static void clickInRow(String table, String containing, By button) {
        waitFor(d -> {
            WebElement row = row(table, containing);
            if (row == null) {
                return false;
            }
            row.findElement(button).click();
            return true;
        }, SHORT);
    }

    private static String refreshToken() {
        String stored = (String) driver.executeScript("return sessionStorage.getItem('lantern.session');");
        try {
            return LanternServer.JSON.readTree(stored).path("refresh").asText();
        } catch (Exception e) {
            throw new AssertionError(stored, e);
        }
    }

    private static <T> T waitFor(Function<WebDriver, T> condition, Duration limit) {
        return new WebDriverWait(driver, limit, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).withMessage(ConsoleIT::pageState).until(condition);
    }

    /** What the page shows, for a failed wait's message. */
    private static String pageState() {
        try {
            return String.valueOf(driver.executeScript("const t = s => { const e = document.querySelector(s);"
                    + " return e ? e.innerText : null; }; return JSON.stringify({hash: location.hash,"
                    + " error: t('#error'), status: t('#chat-status'), last: t('#chat-log li:last-child'),"
                    + " uploads: t('#uploads')});"));
        } catch (RuntimeException e) {
            return "(page state unavailable: " + e + ")";
        }
    }

    private static double metricQuietly(String name, String labels) {
        try {
            return ConsoleApi.metric(name, labels);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static int loginStatus(String email, String password) {
        try {
            return ConsoleApi.json("POST", "/login", null, Map.of("email", email, "password", password)).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpResponse<String> withKey(String key) throws Exception {
        return LanternServer.client().send(HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + "/v1/models"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path fixture(String name) throws Exception {
        Path path = Path.of(ConsoleIT.class.getResource("/documents/" + name).toURI());
        assertTrue(Files.isRegularFile(path), path.toString());
        return path.toAbsolutePath();
    }

    /** The page at desktop and at phone width. */
    private static void screenshots(String name) throws Exception {
        if (!find("#passage").isDisplayed()) {
            driver.executeScript("window.scrollTo(0, 0);");
        }
        Browser.screenshot(driver, name + "-desktop");
        driver.manage().window().setSize(Browser.PHONE);
        Thread.sleep(300);
        Browser.screenshot(driver, name + "-phone");
        // Usable at phone width: nothing makes the page scroll sideways.
        Object overflow = driver.executeScript("const w = document.documentElement.clientWidth;"
                + "if (document.documentElement.scrollWidth <= w) return null;"
                + "return 'scroll width ' + document.documentElement.scrollWidth + ' > ' + w + ': '"
                + "  + [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 8)"
                + "  .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');");
        assertNull(overflow, name + " scrolls sideways at phone width: " + overflow);
        driver.manage().window().setSize(Browser.DESKTOP);
        Thread.sleep(200);
    }
}
