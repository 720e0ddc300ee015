package be.biodiversity.portal.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

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
    /** axe-core, as .ci/run installs it (npm, beside the Nu HTML Checker). */
    private static final Path AXE = Path.of(System.getProperty("user.home"), ".cache", "portal-tools", "node_modules",
            "axe-core", "axe.min.js");

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

        // The role's label is the site's neutral "Lid" (member), not GBIF.be's own wording.
        browser.findElement(By.xpath("//section[@class='facet']//a[normalize-space(span[1])='Lid']")).click();

        assertThat(browser.getCurrentUrl()).contains("role=MEMBER");
        assertThat(browser.findElement(By.id("results-heading")).getText()).contains("van 12");
        WebElement first = browser.findElement(By.cssSelector(".literature-results a.title"));
        String name = first.getText();
        first.click();
        assertThat(heading()).startsWith(name);
        assertThat(browser.findElement(By.cssSelector(".record-facts")).getText()).contains("Lid");
    }

    @Test
    void anUnknownPageIsNotFoundInTheVisitorsLanguage() {
        open("/fr/nulle-part");
        assertThat(heading()).isEqualTo("Page introuvable");
        // The browser logs the page's own 404 as an error; that one is expected here.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .allSatisfy(entry -> assertThat(entry.getMessage()).contains("404"));
    }

    /** The key pages: home, the Dutch community page, the news archive, a post, a publisher page. */
    private static List<String> keyPages() {
        open("/nl/news");
        String post = browser.findElement(By.cssSelector(".news-archive .card h3 a")).getAttribute("href");
        open("/nl/community");
        String publisher = browser.findElements(By.cssSelector("a[href*='/publisher/']")).stream()
                .map(link -> link.getAttribute("href")).filter(href -> !href.endsWith("/search")).findFirst()
                .orElse(portal.uri("/nl/publisher/search").toString());
        return List.of(portal.uri("/").toString(), portal.uri("/nl/community").toString(),
                portal.uri("/nl/news").toString(), post, publisher);
    }

    @Test
    void everyImageOfTheKeyPagesLoadsAndNothingScrollsSidewaysOnAPhone() {
        for (String page : keyPages()) {
            browser.manage().window().setSize(new Dimension(1280, 1000));
            browser.get(page);
            // lazy images load only when scrolled to: ask for all of them now and wait until each is done
            browser.executeScript("document.querySelectorAll('img').forEach(i => i.loading = 'eager');");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> (Boolean) browser.executeScript(
                    "return [...document.images].every(i => i.complete);"));
            @SuppressWarnings("unchecked")
            List<String> broken = (List<String>) browser.executeScript(
                    "return [...document.images].filter(i => i.naturalWidth === 0).map(i => i.currentSrc || i.src);");
            assertThat(broken).as("images that did not load on " + page).isEmpty();

            browser.manage().window().setSize(new Dimension(375, 800));
            browser.get(page);
            Long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("horizontal scrolling at 375 px on " + page).isLessThanOrEqualTo(0L);
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    /**
     * axe-core's WCAG 2.0-2.2 A and AA rules on the key pages and the search pages, on a wide screen and on a phone:
     * no violation. (It found the menu's checkbox focusable and nameless on wide screens, where its label is hidden.)
     */
    @Test
    void theKeyPagesHaveNoAccessibilityViolationsOnAWideScreenOrAPhone() throws IOException {
        Skips.unless(Files.isReadable(AXE), "SKIPPED: no axe-core at " + AXE + " (.ci/run installs it with npm: npm "
                + "install --prefix ~/.cache/portal-tools axe-core); the accessibility check did not run");
        String axe = Files.readString(AXE);
        List<String> pages = new java.util.ArrayList<>(keyPages());
        pages.add(portal.uri("/nl/literature/search").toString());
        pages.add(portal.uri("/nl/publisher/search").toString());
        pages.add(portal.uri("/search?q=community").toString());
        List<String> violations = new java.util.ArrayList<>();
        try {
            for (Dimension size : List.of(new Dimension(1280, 1000), new Dimension(375, 800))) {
                browser.manage().window().setSize(size);
                for (String page : pages) {
                    browser.get(page);
                    browser.executeScript(axe);
                    @SuppressWarnings("unchecked")
                    List<String> found = (List<String>) browser.executeAsyncScript("""
                            const done = arguments[arguments.length - 1];
                            axe.run(document, { runOnly: { type: 'tag',
                                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                                .then(r => done(r.violations.flatMap(v => v.nodes.map(n =>
                                    v.id + ' (' + v.impact + ') ' + n.target.join(' ') + ': ' + n.html.slice(0, 160)))))
                                .catch(e => done(['axe failed: ' + e]));
                            """);
                    found.forEach(v -> violations.add(size.getWidth() + " px " + page + " " + v));
                }
            }
        }
        finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        assertThat(violations).as("axe-core violations").isEmpty();
    }

    @Test
    void theMenuOpensOnASmallScreenWithoutJavaScript() {
        browser.manage().window().setSize(new Dimension(375, 800));
        try {
            open("/nl/community");
            WebElement menu = browser.findElement(By.id("site-menu"));
            assertThat(menu.isDisplayed()).as("folded on a phone").isFalse();
            browser.findElement(By.cssSelector("label.menu-button")).click();
            assertThat(menu.isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector(".language-switch a[hreflang='fr']")).isDisplayed()).isTrue();
        }
        finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void theFocusOutlineHasAtLeastThreeToOneContrastOnWhite() {
        open("/nl/community");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(Double.parseDouble(focused.getCssValue("outline-width").replace("px", ""))).isGreaterThanOrEqualTo(2);
        assertThat(contrastOnWhite(focused.getCssValue("outline-color"))).isGreaterThanOrEqualTo(3.0);
    }

    /** WCAG contrast of a computed {@code rgb(a)(r, g, b[, a])} colour against white. */
    private static double contrastOnWhite(String colour) {
        String[] parts = colour.replaceAll("[^0-9.,]", "").split(",");
        double luminance = 0;
        double[] weights = { 0.2126, 0.7152, 0.0722 };
        for (int i = 0; i < 3; i++) {
            double c = Double.parseDouble(parts[i]) / 255;
            luminance += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return 1.05 / (luminance + 0.05);
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
