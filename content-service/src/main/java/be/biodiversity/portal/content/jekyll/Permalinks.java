package be.biodiversity.portal.content.jekyll;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import be.biodiversity.portal.content.page.Slugs;

/** The URL Jekyll gives a page or a post, in the stored form (leading slash, no trailing slash but {@code /}). */
final class Permalinks {

    private Permalinks() {
    }

    /** A page: its own {@code permalink}, else {@code /:path/:basename} (pretty) or with {@code .html}. */
    static String page(String file, Object permalink, String style) {
        if (permalink != null) {
            return normalise(String.valueOf(permalink));
        }
        String withoutExt = file.replaceAll("\\.[^./]+$", "");
        if (withoutExt.equals("index") || withoutExt.endsWith("/index")) {
            return normalise("/" + withoutExt.substring(0, withoutExt.length() - "index".length()));
        }
        return normalise("/" + withoutExt + ("pretty".equals(style) ? "" : ".html"));
    }

    /**
     * A document of a collection: its own {@code permalink}, else the collection's template, else
     * {@code /:collection/:path} ({@code .html} unless the site's style is pretty).
     *
     * @param inCollection the file's path inside the collection folder ({@code team/anna.md})
     */
    static String document(String collection, String inCollection, Object permalink, String template, String style) {
        if (permalink != null) {
            return normalise(String.valueOf(permalink));
        }
        String path = inCollection.replaceAll("\\.[^./]+$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        String pattern = template != null ? template
                : "pretty".equals(style) ? "/:collection/:path/" : "/:collection/:path:output_ext";
        String result = pattern.replace(":collection", collection).replace(":path", path)
                .replace(":name", Slugs.slugify(name)).replace(":slug", Slugs.slugify(name)).replace(":title", name)
                .replace(":output_ext", ".html");
        return normalise(result.replaceAll("/{2,}", "/"));
    }

    /** A post: its template ({@code /post/:year/:slug/}) or the site's style, with Jekyll's placeholders. */
    static String post(Object template, String style, LocalDate date, String fileTitle, Object slug,
            List<String> categories) {
        String pattern = template != null ? String.valueOf(template)
                : "pretty".equals(style) ? "/:categories/:year/:month/:day/:title/"
                : "/:categories/:year/:month/:day/:title:output_ext";
        String cats = categories.stream().map(c -> Slugs.slugify(c)).collect(Collectors.joining("/"));
        String result = pattern
                .replace(":categories", cats)
                .replace(":short_year", String.format(Locale.ROOT, "%02d", date.getYear() % 100))
                .replace(":year", String.valueOf(date.getYear()))
                .replace(":i_month", String.valueOf(date.getMonthValue()))
                .replace(":month", String.format(Locale.ROOT, "%02d", date.getMonthValue()))
                .replace(":i_day", String.valueOf(date.getDayOfMonth()))
                .replace(":day", String.format(Locale.ROOT, "%02d", date.getDayOfMonth()))
                .replace(":slug", Slugs.slugify(slug == null ? fileTitle : String.valueOf(slug)))
                .replace(":title", slug == null ? fileTitle : String.valueOf(slug))
                .replace(":output_ext", ".html");
        return normalise(result.replaceAll("/{2,}", "/"));
    }

    /**
     * The other paths a static host answers with a page: {@code /data.html} is also {@code /data} (GitHub Pages and
     * most Jekyll hosting serve {@code x.html} for {@code x}); {@code /x/index.html} is {@code /x}.
     */
    static List<String> aliases(String permalink) {
        if (permalink == null) {
            return List.of();
        }
        if (permalink.endsWith("/index.html")) {
            String folder = permalink.substring(0, permalink.length() - "/index.html".length());
            return List.of(folder.isEmpty() ? "/" : folder);
        }
        if (permalink.endsWith(".html") && permalink.length() > "/.html".length()) {
            return List.of(permalink.substring(0, permalink.length() - ".html".length()));
        }
        return List.of();
    }

    static String normalise(String path) {
        String p = path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
