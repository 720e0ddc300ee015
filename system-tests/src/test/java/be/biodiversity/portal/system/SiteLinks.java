package be.biodiversity.portal.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import be.biodiversity.portal.system.jekyll.JekyllSite;
import be.biodiversity.portal.system.jekyll.ReferenceBuild;

/**
 * The internal links and images on the crawled pages, each asked for once. A link that does not answer 200 is the
 * site's own when the site has no such page or file and the site itself makes the link (its text names the path, or
 * Jekyll's build of it links there too); any other is the portal's: a page the site has that does not answer, or a
 * link the portal made up. An image the site names but does not have is missing on Jekyll's build too.
 */
final class SiteLinks {

    final List<String> brokenBySite = new ArrayList<>();
    final List<String> brokenByUs = new ArrayList<>();
    final List<String> imagesMissingFromSite = new ArrayList<>();
    final List<String> brokenImages = new ArrayList<>();
    int links;
    int images;

    static SiteLinks check(Portal portal, Path site, JekyllSite jekyll, Optional<ReferenceBuild> reference,
            Map<String, Visit> pages) throws Exception {
        SiteLinks result = new SiteLinks();
        Map<String, Set<String>> links = new TreeMap<>();
        Map<String, Set<String>> images = new TreeMap<>();
        for (Map.Entry<String, Visit> page : pages.entrySet()) {
            var document = Jsoup.parse(page.getValue().body());
            for (Element a : document.select("a[href]")) {
                String href = a.attr("href").replaceFirst("#.*", "");
                if (href.startsWith("/") && !href.startsWith("//")) {
                    links.computeIfAbsent(href, l -> new TreeSet<>()).add(page.getKey());
                }
            }
            for (Element img : document.select("img[src], img[srcset], source[srcset]")) {
                List<String> addresses = new ArrayList<>(List.of(img.attr("src")));
                for (String candidate : img.attr("srcset").split(",")) {
                    addresses.add(candidate.strip().split("\\s+")[0]);
                }
                addresses.stream().filter(s -> s.startsWith("/") && !s.startsWith("//"))
                        .forEach(s -> images.computeIfAbsent(s, i -> new TreeSet<>()).add(page.getKey()));
            }
        }
        result.links = links.size();
        result.images = images.size();
        for (Map.Entry<String, Set<String>> image : images.entrySet()) {
            Visit answer = Visit.of(portal, image.getKey());
            if (answer.status() == 200 && answer.contentType().startsWith("image/")) {
                continue;
            }
            String line = image.getKey() + " -> " + answer.status() + " " + answer.contentType() + " (on "
                    + String.join(", ", image.getValue()) + ")";
            String file = image.getKey().replaceFirst("[?#].*", "").substring(1);
            (answer.status() == 404 && !Files.exists(site.resolve(file)) ? result.imagesMissingFromSite
                    : result.brokenImages).add(line);
        }
        Set<String> known = new HashSet<>();
        jekyll.pages().forEach(p -> known.add(normal(p.url())));
        Set<String> linkedByJekyll = reference.map(SiteLinks::linksOf).orElse(Set.of());
        Set<String> publishedByJekyll = new HashSet<>();
        reference.ifPresent(r -> r.pages().keySet().forEach(output -> publishedByJekyll.add(normal("/" + output))));
        String sourceText = sourceText(site);
        for (Map.Entry<String, Set<String>> link : links.entrySet()) {
            Visit answer = Visit.of(portal, link.getKey());
            if (answer.status() == 200) {
                continue;
            }
            String path = normal(link.getKey().replaceFirst("\\?.*", ""));
            String line = link.getKey() + " -> " + answer.status() + " (on " + String.join(", ", link.getValue()) + ")";
            boolean siteHasIt = known.contains(path) || Files.exists(site.resolve(link.getKey().substring(1)
                    .replaceFirst("[?#].*", "")));
            boolean siteMakesIt = sourceText.contains(link.getKey().replaceFirst("[?#].*", ""))
                    || linkedByJekyll.contains(path) && !publishedByJekyll.contains(path);
            (answer.status() == 404 && !siteHasIt && siteMakesIt ? result.brokenBySite : result.brokenByUs).add(line);
        }
        return result;
    }

    /** A path as both sides spell it: no trailing slash, no {@code .html}, no {@code index}. */
    static String normal(String path) {
        String p = path.replaceFirst("/index\\.html$", "/").replaceFirst("\\.html$", "");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Set<String> linksOf(ReferenceBuild reference) {
        Set<String> found = new HashSet<>();
        reference.pages().values().forEach(html -> Jsoup.parse(html).select("a[href]").forEach(a -> {
            String href = a.attr("href").replaceFirst("[?#].*", "");
            if (href.startsWith("/") && !href.startsWith("//")) {
                found.add(normal(href));
            }
        }));
        return found;
    }

    /** The site's text files, as one text to look for paths in. */
    private static String sourceText(Path site) {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(site)) {
            files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(md|markdown|html|yml|yaml|js|json)$"))
                    .forEach(f -> {
                        try {
                            text.append(Files.readString(f)).append('\n');
                        }
                        catch (IOException ex) {
                            // a file that is not UTF-8 text names no path
                        }
                    });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }
}
