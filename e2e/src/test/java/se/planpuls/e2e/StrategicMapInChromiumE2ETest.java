package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import se.planpuls.api.app.Config;
import se.planpuls.api.app.PlanpulsApp;
import se.planpuls.bot.BotSettings;
import se.planpuls.db.TestDatabases;

/**
 * The strategic map opened in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}; Selenium Manager never runs because both paths are given): every
 * milestone box of the default plan is drawn, in its status colour, within 1280 px.
 */
class StrategicMapInChromiumE2ETest {
    static final String TOKEN = "e2e-admin-token-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> COLOURS = Map.of(
            "reached", "rgb(46, 158, 79)", "in_progress", "rgb(244, 196, 48)",
            "not_started", "rgb(217, 65, 59)", "unreported", "rgb(201, 204, 209)");

    @TempDir
    Path dataDir;
    private PlanpulsApp app;
    private ChromeDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        app = PlanpulsApp.create(new Config(0, dataDir, "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", TOKEN,
                        new BotSettings("", "", "")), Clock.systemUTC()).start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void every_milestone_box_of_the_default_plan_is_drawn_with_its_status_colour() throws Exception {
        long planId = api("GET", "/api/v1/plans").get(0).path("id").asLong();
        report("MED-1", "REACHED");
        report("NV-1", "IN_PROGRESS");
        report("DIG-3", "NOT_STARTED");
        Map<String, String> expected = new HashMap<>();
        for (JsonNode m : api("GET", "/api/v1/milestones")) {
            expected.put(m.path("code").asText(), m.path("status").asText());
        }
        assertThat(expected).hasSize(34).containsEntry("MED-1", "reached").containsEntry("NV-1", "in_progress")
                .containsEntry("DIG-3", "not_started").containsEntry("DIG-4", "unreported");
        String page = api("GET", "/api/v1/plans/" + planId + "/map-links").path("page").asText();
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.get(page);

        var boxes = browser.findElements(By.cssSelector("svg#strategic-map g.milestone"));
        assertThat(boxes).hasSize(34);
        Map<String, String> drawn = new HashMap<>();
        for (WebElement box : boxes) {
            WebElement rect = box.findElement(By.cssSelector("rect.box"));
            assertThat(rect.isDisplayed()).isTrue();
            assertThat(rect.getSize().getWidth()).isGreaterThan(100);
            drawn.put(box.getAttribute("data-code"), rect.getCssValue("fill"));
        }
        expected.forEach((code, status) -> assertThat(drawn.get(code)).as(code + " (" + status + ")")
                .isEqualTo(COLOURS.get(status)));
        assertThat(browser.findElements(By.cssSelector("path.dependency"))).hasSizeGreaterThanOrEqualTo(10);
        assertThat(arrowsThroughBoxes()).as("arrows drawn through boxes").isEmpty();
        Number scrollWidth = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(1280);
        assertThat(browser.getTitle()).startsWith("Strategisk karta");
    }

    /**
     * Walks every drawn arrow pixel by pixel (the browser's own path geometry) and names each box it
     * enters other than its own two ends, whose edges it may only touch.
     */
    @SuppressWarnings("unchecked")
    private java.util.List<String> arrowsThroughBoxes() {
        return (java.util.List<String>) ((JavascriptExecutor) browser).executeScript("""
                const boxes = [...document.querySelectorAll('svg#strategic-map g.milestone')].map(g => {
                  const r = g.querySelector('rect.box').getBBox();
                  return {code: g.dataset.code, x: r.x, y: r.y, w: r.width, h: r.height};
                });
                const found = [];
                for (const path of document.querySelectorAll('svg#strategic-map path.dependency')) {
                  const from = path.dataset.from, to = path.dataset.to;
                  const length = path.getTotalLength();
                  for (let s = 0; s <= length; s += 1) {
                    const p = path.getPointAtLength(s);
                    for (const b of boxes) {
                      const air = (b.code === from || b.code === to) ? 1 : -1;
                      if (p.x > b.x + air && p.x < b.x + b.w - air && p.y > b.y + air && p.y < b.y + b.h - air) {
                        const hit = from + ' -> ' + to + ' through ' + b.code;
                        if (!found.includes(hit)) found.push(hit);
                      }
                    }
                  }
                }
                return found;""");
    }

    private void report(String code, String status) {
        TestDatabases.execute(app.database(), """
                INSERT INTO status_reports (milestone_id, status, reporter_name, source, reported_at)
                SELECT id, ?, 'E2E', 'api', CURRENT_TIMESTAMP FROM milestones WHERE code = ?""", status, code);
    }

    private JsonNode api(String method, String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + TOKEN).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
