package be.biodiversity.portal.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import static org.assertj.core.api.Assertions.assertThat;
import be.biodiversity.portal.testsupport.Skips;

/**
 * A visitor in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them), through the
 * gateway: what the pages show, where their links lead, and no errors in the browser console. Screenshots go
 * to target/screenshots.
 */
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Portal portal;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Skips.unless(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED: no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver); "
                        + "the browser tests did not run");
        portal = Portal.get();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void screenshotAndConsole(TestInfo test) throws IOException {
        Path shot = SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    @Test
    void theDutchCommunityPageShowsTheMembersAndLeadsToItsTranslation() {
        open("/nl/community");
        assertThat(heading()).isEqualTo("Gemeenschap");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        List<String> members = texts(By.cssSelector(".directory-block .organisations li a"));
        assertThat(members).contains("Koninklijk Belgisch Instituut voor Natuurwetenschappen", "Plantentuin Meise");

        browser.findElement(By.cssSelector(".language-switch a[hreflang='fr']")).click();

        assertThat(browser.getCurrentUrl()).endsWith("/fr/community");
        assertThat(heading()).isEqualTo("Communauté");
    }

    @Test
    void theEnglishCommunityAndTheHomePage() {
        open("/community");
        assertThat(heading()).isEqualTo("Community");
        assertThat(texts(By.cssSelector(".directory-block h2"))).contains("Belgian BIF members",
                "International partners");
        open("/");
        assertThat(heading()).isEqualTo("GBIF.be");
        browser.findElement(By.linkText("community")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/community");
    }

    @Test
    void theLiteratureSearchFiltersAndLeadsToARecord() {
        open("/nl/literature/search");
        assertThat(heading()).isEqualTo("Literatuur");
        String all = browser.findElement(By.id("results-heading")).getText();

        browser.findElement(By.xpath("//section[@class='facet']//a[contains(., 'Zoetwater')]")).click();

        assertThat(browser.getCurrentUrl()).contains("topics=FRESHWATER");
        assertThat(browser.findElement(By.id("results-heading")).getText()).isNotEqualTo(all);
        WebElement first = browser.findElement(By.cssSelector(".literature-results a.title"));
        String title = first.getText();
        first.click();
        assertThat(heading()).isEqualTo(title);
    }

    @Test
    void theNewsArchiveLeadsToAPost() {
        open("/nl/news");
        assertThat(heading()).isEqualTo("Nieuws");
        WebElement first = browser.findElement(By.cssSelector(".news-archive .card h3 a"));
        String title = first.getText();
        first.click();
        assertThat(heading()).isEqualTo(title);
        assertThat(browser.findElement(By.cssSelector(".post-date")).getText()).contains("2026");
    }

    @Test
    void thePublisherSearchFiltersAndLeadsToAPublisher() {
        open("/nl/publisher/search");
        assertThat(heading()).isEqualTo("Datapublicisten");

        browser.findElement(By.xpath("//section[@class='facet']//a[contains(., 'Belgisch BIF-lid')]")).click();

        assertThat(browser.getCurrentUrl()).contains("role=MEMBER");
        assertThat(browser.findElement(By.id("results-heading")).getText()).contains("van 12");
        WebElement first = browser.findElement(By.cssSelector(".literature-results a.title"));
        String name = first.getText();
        first.click();
        assertThat(heading()).startsWith(name);
        assertThat(browser.findElement(By.cssSelector(".record-facts")).getText()).contains("Belgisch BIF-lid");
    }

    @Test
    void anUnknownPageIsNotFoundInTheVisitorsLanguage() {
        open("/fr/nulle-part");
        assertThat(heading()).isEqualTo("Page introuvable");
        // The browser logs the page's own 404 as an error; that one is expected here.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .allSatisfy(entry -> assertThat(entry.getMessage()).contains("404"));
    }

    private static void open(String path) {
        browser.get(portal.uri(path).toString());
    }

    private static String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private static List<String> texts(By selector) {
        return browser.findElements(selector).stream().map(WebElement::getText).toList();
    }
}
