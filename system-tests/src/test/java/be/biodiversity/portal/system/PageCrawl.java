package be.biodiversity.portal.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.jayway.jsonpath.JsonPath;

import be.biodiversity.portal.system.jekyll.JekyllSite;
import be.biodiversity.portal.system.jekyll.PublishedPage;
import be.biodiversity.portal.system.jekyll.ReferenceBuild;
import be.biodiversity.portal.system.jekyll.PageCheck;

/**
 * Every page a Jekyll build of the site publishes, asked for at its Jekyll URL through the gateway, checked as a
 * visitor reads it: 200 (after the portal's redirects), what {@link PageCheck} checks (title, h1, the source's
 * headings, no source left in the text, each against Jekyll's build of the page where there is one), and the
 * canonical link and Open Graph / Twitter tags. A theme route template ({@code /publisher/_key_}) is asked for with a
 * key, as visitors reach it.
 */
final class PageCrawl {

    static final List<String> SHARING = List.of("<link rel=\"canonical\" href=\"http",
            "<meta property=\"og:title\"", "<meta property=\"og:url\" content=\"http",
            "<meta property=\"og:locale\"", "<meta name=\"twitter:card\"");
    /** A key the theme's record pages are asked for (no GBIF here: they show a notice, still a page). */
    static final String SAMPLE_UUID = "4fa7b334-ce0d-4e88-aaae-2e0c138d049e";

    private final Portal portal;
    private final Optional<ReferenceBuild> reference;
    /** by page URL: what is wrong with it, as a visitor would see it */
    final Map<String, List<String>> problems = new TreeMap<>();
    /** by page URL: what the site itself has (shown the same way by Jekyll) */
    final Map<String, List<String>> siteOwn = new TreeMap<>();
    /** by page URL: the HTML the portal answered */
    final Map<String, Visit> visits = new TreeMap<>();
    /** source headings looked for, on all pages */
    int headings;

    PageCrawl(Portal portal, Optional<ReferenceBuild> reference) {
        this.portal = portal;
        this.reference = reference;
    }

    void crawl(JekyllSite jekyll) throws Exception {
        String publisher = null;
        for (PublishedPage page : jekyll.pages()) {
            String address = page.url();
            if (page.routeTemplate()) {
                if (address.contains("/publisher/") && publisher == null) {
                    publisher = JsonPath.read(portal.get("/api/directory/v1/organisations?limit=1").body(),
                            "$.results[0].key");
                }
                address = address.replace("_key_", address.contains("/publisher/") ? publisher
                        : address.contains("/occurrence/") ? "1" : SAMPLE_UUID);
            }
            check(page, address);
        }
    }

    private void check(PublishedPage page, String address) throws Exception {
        Visit visit = Visit.of(portal, address);
        List<String> wrong = new ArrayList<>();
        List<String> own = new ArrayList<>();
        if (visit.status() != 200) {
            problems.put(page.url(), List.of("answers " + visit.status() + " at " + visit.path() + " (" + page.source()
                    + ")"));
            return;
        }
        visits.put(page.url(), visit);
        String html = visit.body();
        PageCheck check = PageCheck.of(page, html, reference.flatMap(r -> r.html(page.output())));
        wrong.addAll(check.wrong());
        own.addAll(check.siteOwn());
        headings += check.headings();
        List<String> missing = SHARING.stream().filter(tag -> !html.contains(tag)).toList();
        if (!missing.isEmpty()) {
            wrong.add("without " + missing);
        }
        if (!wrong.isEmpty()) {
            problems.put(page.url(), wrong);
        }
        if (!own.isEmpty()) {
            siteOwn.put(page.url(), own);
        }
    }
}
