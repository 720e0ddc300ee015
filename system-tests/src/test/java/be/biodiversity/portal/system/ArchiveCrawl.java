package be.biodiversity.portal.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import be.biodiversity.portal.system.jekyll.JekyllSite;
import be.biodiversity.portal.system.jekyll.PublishedPage;

/**
 * The news archives (pages with the theme's {@code archive} layout): Jekyll's lists every post of its language on one
 * page; the portal's is numbered pages ({@code rel=next}, issue 19), so a visitor must reach every post of the
 * archive's language by following them.
 */
final class ArchiveCrawl {

    private static final int MAX_PAGES = 50;

    private ArchiveCrawl() {
    }

    /** By archive URL: the posts of its language that none of its pages links to. */
    static Map<String, List<String>> unreachablePosts(Portal portal, JekyllSite jekyll) throws Exception {
        Map<String, List<String>> missing = new TreeMap<>();
        for (PublishedPage archive : jekyll.pages()) {
            if (!"archive".equals(archive.layout())) {
                continue;
            }
            Set<String> linked = linkedFrom(portal, archive.url());
            List<String> unreached = new ArrayList<>();
            for (PublishedPage post : jekyll.pages()) {
                if (post.kind().equals("post") && Objects.equals(post.lang(), archive.lang())
                        && !linked.contains(SiteLinks.normal(post.url()))) {
                    unreached.add(post.url());
                }
            }
            if (!unreached.isEmpty()) {
                missing.put(archive.url(), unreached);
            }
        }
        return missing;
    }

    private static Set<String> linkedFrom(Portal portal, String archive) throws Exception {
        Set<String> linked = new HashSet<>();
        String next = archive;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            Visit visit = Visit.of(portal, next);
            if (visit.status() != 200) {
                break;
            }
            Document html = Jsoup.parse(visit.body());
            for (Element a : html.select("a[href]")) {
                linked.add(SiteLinks.normal(a.attr("href").replaceFirst("[?#].*", "")));
            }
            Element rel = html.selectFirst("link[rel=next], a[rel=next]");
            next = rel == null ? null : rel.attr("href");
        }
        return linked;
    }
}
