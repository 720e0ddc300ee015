package be.biodiversity.portal.content.jekyll;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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
