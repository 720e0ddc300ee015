package be.biodiversity.portal.system.jekyll;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jekyll's URL templates, placeholders and slugs (Jekyll 4.3: {@code URL}, {@code UrlDrop}, {@code Utils}). */
final class Urls {

    /** The permalink styles Jekyll names, as templates for posts. */
    static final Map<String, String> POST_STYLES = Map.of(
            "date", "/:categories/:year/:month/:day/:title:output_ext",
            "pretty", "/:categories/:year/:month/:day/:title/",
            "ordinal", "/:categories/:year/:y_day/:title:output_ext",
            "weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext",
            "none", "/:categories/:title:output_ext");

    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");

    private Urls() {
    }

    /** Jekyll's {@code add_permalink_suffix}: how a page or collection template ends for the site's style. */
    static String withSuffix(String template, String style) {
        return switch (style) {
            case "pretty" -> template + "/";
            case "date", "ordinal", "none", "weekdate" -> template + ":output_ext";
            default -> style.endsWith("/") ? template + "/"
                    : style.endsWith(":output_ext") ? template + ":output_ext" : template;
        };
    }

    /** The template with its placeholders filled, cleaned as Jekyll's {@code URL#to_s} cleans it. */
    static String generate(String template, Map<String, String> placeholders) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            // the longest placeholder that is known (":output_ext" after ":title" in ":title:output_ext")
            String value = placeholders.get(key);
            if (value == null) {
                m.appendReplacement(url, Matcher.quoteReplacement(m.group()));
            }
            else {
                m.appendReplacement(url, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(url);
        return sanitize(url.toString());
    }

    /** Doubled slashes collapse, {@code ./} goes, and the URL starts with one slash. */
    static String sanitize(String url) {
        String u = url.replaceAll("/{2,}", "/").replaceAll("\\.+/", "/").replaceAll("/{2,}", "/");
        return "/" + u.replaceFirst("^/+", "");
    }

    /** Jekyll's {@code slugify} in {@code default} mode (lower case) or {@code pretty} mode, cased or not. */
    static String slugify(String text, boolean pretty, boolean cased) {
        if (text == null) {
            return null;
        }
        String regex = pretty ? "[^\\p{M}\\p{L}\\p{Nd}._~!$&'()+,;=@]+" : "[^\\p{M}\\p{L}\\p{Nd}]+";
        String slug = text.replaceAll(regex, "-").replaceAll("^-+|-+$", "");
        return cased ? slug : slug.toLowerCase(Locale.ROOT);
    }

    /** The file Jekyll writes for an HTML page at {@code url}: {@code x/} is {@code x/index.html}, {@code x} is {@code x.html}. */
    static String outputFile(String url, String outputExt) {
        String path = url.substring(1);
        if (url.endsWith("/")) {
            path = path + "index" + outputExt;
        }
        else if (!path.endsWith(outputExt)) {
            path = path + outputExt;
        }
        return path;
    }
}
