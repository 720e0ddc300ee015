package be.biodiversity.portal.system.jekyll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The HTML pages a Jekyll 4.3 build of a site folder publishes, worked out from the source as Jekyll does:
 * {@code _config.yml} (permalink style, {@code defaults} by path and type, collections with {@code output: true},
 * {@code exclude}/{@code include}, {@code future}), each file's front matter ({@code permalink},
 * {@code published: false}), pages (markdown or HTML files with front matter, outside folders starting with
 * {@code _} or {@code .}), posts ({@code YYYY-MM-DD-title} files under any {@code _posts} folder, also
 * {@code <lang>/_posts} and {@code _posts/<lang>}) and the documents of output collections. A theme adds layouts and
 * includes, never pages, so the site's own folder is enough. Files with front matter that are not HTML (CSS, feeds)
 * and static files are not listed.
 */
public record JekyllSite(Path folder, SiteSettings settings, List<PublishedPage> pages) {

    public static JekyllSite read(Path folder, LocalDate today) {
        Path config = folder.resolve("_config.yml");
        SiteSettings settings = SiteSettings.of(Files.isRegularFile(config) ? FrontMatter.parse(text(config)) : Map.of());
        Sources sources = new Sources(folder, settings);
        List<PublishedPage> pages = new ArrayList<>();
        for (String file : sources.files()) {
            page(folder, settings, file, today).ifPresent(pages::add);
        }
        pages.sort(Comparator.comparing(PublishedPage::url));
        return new JekyllSite(folder, settings, List.copyOf(pages));
    }

    /** The pages at these URLs' files, by output file ({@code about.html}). */
    public Map<String, PublishedPage> byOutput() {
        Map<String, PublishedPage> byOutput = new java.util.TreeMap<>();
        pages.forEach(page -> byOutput.put(page.output(), page));
        return byOutput;
    }

    private static Optional<PublishedPage> page(Path folder, SiteSettings settings, String file, LocalDate today) {
        String ext = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1).toLowerCase() : "";
        boolean html = ext.equals("html") || ext.equals("htm") || settings.markdownExtensions().contains(ext);
        if (!html) {
            return Optional.empty();
        }
        Optional<FrontMatter> parsed = FrontMatter.of(text(folder.resolve(file)));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        FrontMatter own = parsed.get();
        Optional<String> collection = Sources.collectionOf(file, settings);
        if (Sources.isPost(file)) {
            return Posts.post(file, settings, own, today);
        }
        if (file.startsWith("_posts/") || file.contains("/_posts/")) {
            // a file in _posts without a date in its name is never built
            return Optional.empty();
        }
        if (collection.isPresent()) {
            return Posts.document(file, collection.get(), settings, own);
        }
        Map<String, Object> values = settings.frontMatter(file, "pages", own.values());
        if (!published(values, settings)) {
            return Optional.empty();
        }
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
        String name = file.substring(file.lastIndexOf('/') + 1);
        String basename = name.substring(0, name.lastIndexOf('.'));
        String template = basename.equals("index") ? "/:path/" : Urls.withSuffix("/:path/:basename", settings.permalinkStyle());
        Object permalink = values.get("permalink");
        String url = Urls.generate(permalink != null && !String.valueOf(permalink).isEmpty() ? String.valueOf(permalink)
                : template, Map.of("path", dir, "basename", basename, "output_ext", ".html"));
        return Optional.of(new PublishedPage(file, "page", url, Urls.outputFile(url, ".html"), values, own.body()));
    }

    static boolean published(Map<String, Object> values, SiteSettings settings) {
        return settings.unpublished() || !Boolean.FALSE.equals(values.get("published"))
                && !"false".equals(String.valueOf(values.get("published")));
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (java.nio.charset.MalformedInputException ex) {
            return "";
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
