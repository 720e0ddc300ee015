package be.biodiversity.portal.render.page;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import be.biodiversity.portal.render.cache.AnswerCache;
import be.biodiversity.portal.render.cache.PageCacheFilter;
import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.site.SafeUrls;
import be.biodiversity.portal.render.site.Site;
import be.biodiversity.portal.render.site.Sites;
import be.biodiversity.portal.render.site.SiteLanguages;
import be.biodiversity.portal.render.site.SitePath;
import be.biodiversity.portal.render.text.Markdown;

/**
 * Adds the navigation and footer of the request's language to every page's model ({@code chrome}). Neither is
 * essential: without them the page is shown bare, and not kept in the page cache. The attribute is a cached
 * {@code Mono}: the view resolves it when it renders, and a controller that subscribes to it first
 * ({@link #started(Model)}) has it fetched while it fetches the page.
 */
@ControllerAdvice
class SiteChromeAdvice {

    private static final Logger logger = LoggerFactory.getLogger(SiteChromeAdvice.class);

    private final ContentClient content;
    private final SiteLanguages languages;
    private final Markdown markdown;
    private final AnswerCache answers;

    SiteChromeAdvice(ContentClient content, SiteLanguages languages, Markdown markdown, AnswerCache answers) {
        this.content = content;
        this.languages = languages;
        this.markdown = markdown;
        this.answers = answers;
    }

    @ModelAttribute("chrome")
    Mono<SiteChrome> chrome(ServerWebExchange exchange) {
        SitePath site = languages.ofRequest(exchange.getRequest().getPath().pathWithinApplication().value());
        Mono<List<SiteChrome.NavItem>> navigation = content.data("navigation", site.language())
                .map(data -> navigation(data, site.path())).defaultIfEmpty(List.of());
        // The footer's markdown is the same on every page of a language: made HTML once per site revision.
        Mono<SiteChrome> footer = answers.content("footer columns " + site.language(),
                () -> content.data("footer", site.language()).map(this::footer))
                .defaultIfEmpty(SiteChrome.NONE);
        return Mono.zip(navigation, footer).map(parts -> new SiteChrome(parts.getT1(), parts.getT2().footer(),
                        parts.getT2().footerHtml()))
                .onErrorResume(ex -> {
                    logger.warn("Rendering {} without navigation and footer: {}", site.path(), ex.getMessage());
                    exchange.getResponse().getHeaders().set(PageCacheFilter.DEGRADED, "true");
                    return Mono.just(SiteChrome.NONE);
                })
                .cache();
    }

    /** The chrome of this request, to fetch alongside the page; completes when it has arrived (never fails). */
    static Mono<?> started(Model model) {
        return model.getAttribute("chrome") instanceof Mono<?> chrome ? chrome : Mono.empty();
    }

    private static List<SiteChrome.NavItem> navigation(JsonNode data, String path) {
        List<SiteChrome.NavItem> items = new ArrayList<>();
        if (data == null || !data.isArray()) {
            return items;
        }
        for (JsonNode entry : data) {
            String text = linkText(entry);
            if (text == null) {
                continue;
            }
            List<SiteChrome.NavItem> menu = new ArrayList<>();
            if (entry.get("menu") != null && entry.get("menu").isArray()) {
                for (JsonNode link : entry.get("menu")) {
                    String href = SafeUrls.link(text(link, "href"));
                    if (linkText(link) != null && href != null) {
                        menu.add(new SiteChrome.NavItem(linkText(link), href, isCurrent(href, path), List.of()));
                    }
                }
            }
            String href = SafeUrls.link(text(entry, "href"));
            boolean current = isCurrent(href, path) || menu.stream().anyMatch(SiteChrome.NavItem::current);
            if (href != null || !menu.isEmpty()) {
                items.add(new SiteChrome.NavItem(text, href, current, menu));
            }
        }
        return items;
    }

    /** The footer's columns and small print; the navigation is left empty. */
    private SiteChrome footer(JsonNode data) {
        List<SiteChrome.FooterColumn> columns = new ArrayList<>();
        JsonNode list = data == null ? null : data.get("columns");
        if (list != null && list.isArray()) {
            for (JsonNode column : list) {
                String name = text(column, "name");
                if (name != null) {
                    columns.add(new SiteChrome.FooterColumn(name,
                            markdown.toHtmlWithoutRawHtml(text(column, "description")), links(column.get("links"))));
                }
            }
        }
        String small = text(data, "other") != null ? text(data, "other") : text(data, "license");
        return new SiteChrome(List.of(), columns, small == null ? null : markdown.toHtmlWithoutRawHtml(small));
    }

    private static List<SiteChrome.NavItem> links(JsonNode list) {
        List<SiteChrome.NavItem> links = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode link : list) {
                String href = SafeUrls.link(text(link, "href"));
                if (linkText(link) != null && href != null) {
                    links.add(new SiteChrome.NavItem(linkText(link), href, false, List.of()));
                }
            }
        }
        return links;
    }

    /**
     * The request's site ({@code site}): its identity, languages and base URL for the head, header, language switch
     * and footer. Read by {@code site/SiteFilter} before the controller ran.
     */
    @ModelAttribute("site")
    Site site(ServerWebExchange exchange) {
        return Sites.of(exchange, languages);
    }

    /**
     * A menu or footer link's {@code text} as the words it shows. The theme writes it as HTML (the hosted-portal
     * theme's own menu has {@code <span>Jekyll <span class="icon-text"><i class="fa fa-link"></i></span></span>});
     * the portal shows its text, tags dropped, never the tags as text. Null when there is none.
     */
    static String linkText(JsonNode link) {
        String text = text(link, "text");
        if (text == null || text.indexOf('<') < 0) {
            return text;
        }
        String words = org.springframework.web.util.HtmlUtils.htmlUnescape(text.replaceAll("<[^>]*>", " "))
                .replaceAll("\\s+", " ").strip();
        return words.isEmpty() ? null : words;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    private static boolean isCurrent(String href, String path) {
        if (href == null || !href.startsWith("/")) {
            return false;
        }
        String target = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
        target = target.length() > 1 && target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        return target.equals(path);
    }
}
