package be.biodiversity.portal.render.directory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import org.springframework.web.util.UriUtils;

import be.biodiversity.portal.render.site.SafeUrls;

/**
 * The hand-kept logo tables of a hosted-portal page (GBIF.be's community page: a markdown table whose every cell is
 * an organisation's logo linking to its website), shown from directory-service instead: each logo whose link is an
 * organisation's homepage becomes that organisation's card (its logo, its full name in the page's language, a link
 * to its publisher page); a logo directory-service does not know stays as it was written, its alt text as name. A
 * table with other content is left alone, and so is the rest of the page's text.
 */
public final class LogoTables {

    private static final Pattern CANDIDATE = Pattern.compile("(?is)<table.*?<a\\s[^>]*>\\s*<img");

    private LogoTables() {
    }

    /** A quick look: could the body hold a logo table at all? */
    public static boolean mayHave(String html) {
        return html != null && CANDIDATE.matcher(html).find();
    }

    /**
     * The body with each logo table that names at least one known organisation replaced by a list of cards;
     * {@code html} itself when there is none.
     *
     * @param home the home of the page's language ({@code /nl}), for the publisher links
     */
    public static String replace(String html, List<Organisation> organisations, String lang, String home) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        Map<String, Organisation> byPage = new HashMap<>();
        Map<String, List<Organisation>> byHost = new HashMap<>();
        for (Organisation organisation : organisations) {
            String homepage = SafeUrls.web(organisation.homepage());
            if (organisation.key() == null || homepage == null) {
                continue;
            }
            byPage.putIfAbsent(page(homepage), organisation);
            byHost.computeIfAbsent(host(homepage), h -> new ArrayList<>()).add(organisation);
        }
        boolean changed = false;
        for (Element table : document.select("table")) {
            List<Element> cells = logoCells(table);
            if (cells == null) {
                continue;
            }
            Element list = new Element("ul").addClass("logo-cards").addClass("directory-logos");
            int known = 0;
            for (Element cell : cells) {
                Element link = cell.selectFirst("a[href]");
                Element image = link.selectFirst("img");
                Organisation organisation = find(link.attr("href"), byPage, byHost);
                Element card = list.appendElement("li").appendElement("a");
                String logo = image.attr("src");
                String name = image.attr("alt");
                if (organisation != null) {
                    known++;
                    card.attr("href", (home.equals("/") ? "" : home) + "/publisher/"
                            + UriUtils.encodePathSegment(organisation.key(), StandardCharsets.UTF_8));
                    String registryLogo = SafeUrls.image(organisation.logoUrl());
                    logo = registryLogo != null ? registryLogo : logo;
                    name = organisation.name(lang);
                }
                else {
                    card.attr("href", link.attr("href")).attr("rel", "external noopener");
                }
                if (!logo.isBlank()) {
                    card.appendElement("img").attr("src", logo).attr("alt", "").attr("loading", "lazy").addClass("logo");
                }
                card.appendElement("span").addClass("name").text(name == null ? "" : name);
            }
            if (known > 0) {
                table.replaceWith(list);
                changed = true;
            }
        }
        return changed ? document.body().html() : html;
    }

    /** The table's non-empty cells when each is one link around one image and nothing else, else null. */
    private static List<Element> logoCells(Element table) {
        List<Element> cells = new ArrayList<>();
        for (Element cell : table.select("td, th")) {
            if (cell.text().isBlank() && cell.select("img").isEmpty()) {
                continue;
            }
            Elements links = cell.select("a[href]");
            if (links.size() != 1 || links.first().select("img").size() != 1 || !cell.ownText().isBlank()
                    || !links.first().text().isBlank()) {
                return null;
            }
            cells.add(cell);
        }
        return cells.isEmpty() ? null : cells;
    }

    private static Organisation find(String href, Map<String, Organisation> byPage,
            Map<String, List<Organisation>> byHost) {
        String url = SafeUrls.web(href);
        if (url == null) {
            return null;
        }
        Organisation exact = byPage.get(page(url));
        if (exact != null) {
            return exact;
        }
        List<Organisation> sameHost = byHost.get(host(url));
        return sameHost != null && sameHost.size() == 1 ? sameHost.get(0) : null;
    }

    /** {@code https://www.Example.be/en/} → {@code example.be/en}: what two spellings of one homepage share. */
    private static String page(String url) {
        try {
            URI uri = URI.create(url.strip());
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return host(url) + path.toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException ex) {
            return url;
        }
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        }
        catch (IllegalArgumentException ex) {
            return "";
        }
    }
}
