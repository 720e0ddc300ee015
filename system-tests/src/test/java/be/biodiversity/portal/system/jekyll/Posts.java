package be.biodiversity.portal.system.jekyll;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts and collection documents as Jekyll 4.3 writes them. A post's date is its file name's unless its front matter
 * has one; a post dated after today is not written unless the config says {@code future: true}. Its categories are
 * the folders above its {@code _posts} folder ({@code fr/_posts/x} is in {@code fr}) and its front matter's
 * {@code category}/{@code categories}. Its URL is its {@code permalink} (front matter or defaults) or the site's
 * style, with {@code :year}, {@code :slug} (the file title, lower-cased slug), {@code :title} (cased) and the rest.
 */
final class Posts {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private Posts() {
    }

    static Optional<PublishedPage> post(String file, SiteSettings settings, FrontMatter own, LocalDate today) {
        Map<String, Object> values = settings.frontMatter(file, "posts", own.values());
        if (!JekyllSite.published(values, settings)) {
            return Optional.empty();
        }
        Matcher name = Sources.POST_NAME.matcher(file);
        name.matches();
        LocalDate date = date(values.get("date")).orElseGet(() -> {
            String[] ymd = name.group(1).split("-");
            return LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
        });
        if (date.isAfter(today) && !settings.future()) {
            return Optional.empty();
        }
        String slug = values.get("slug") != null ? String.valueOf(values.get("slug")) : name.group(2);
        Map<String, String> placeholders = new java.util.HashMap<>();
        placeholders.put("year", String.valueOf(date.getYear()));
        placeholders.put("short_year", String.format(Locale.ROOT, "%02d", date.getYear() % 100));
        placeholders.put("month", String.format(Locale.ROOT, "%02d", date.getMonthValue()));
        placeholders.put("i_month", String.valueOf(date.getMonthValue()));
        placeholders.put("short_month", date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        placeholders.put("long_month", date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        placeholders.put("day", String.format(Locale.ROOT, "%02d", date.getDayOfMonth()));
        placeholders.put("i_day", String.valueOf(date.getDayOfMonth()));
        placeholders.put("y_day", String.format(Locale.ROOT, "%03d", date.getDayOfYear()));
        placeholders.put("week", String.format(Locale.ROOT, "%02d", date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        placeholders.put("short_day", date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        placeholders.put("long_day", date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        placeholders.put("title", Urls.slugify(slug, true, true));
        placeholders.put("slug", Urls.slugify(slug, false, false));
        placeholders.put("name", Urls.slugify(basename(file), false, false));
        placeholders.put("categories", String.join("/", categories(file, values)));
        placeholders.put("collection", "posts");
        placeholders.put("output_ext", ".html");
        placeholders.put("path", path(file, "_posts"));
        Object permalink = values.get("permalink");
        String template = permalink != null ? String.valueOf(permalink)
                : Urls.POST_STYLES.getOrDefault(settings.permalinkStyle(), settings.permalinkStyle());
        String url = Urls.generate(template, placeholders);
        return Optional.of(new PublishedPage(file, "post", url, Urls.outputFile(url, ".html"), values, own.body()));
    }

    static Optional<PublishedPage> document(String file, String collection, SiteSettings settings, FrontMatter own) {
        Map<String, Object> values = settings.frontMatter(file, collection, own.values());
        if (!JekyllSite.published(values, settings)) {
            return Optional.empty();
        }
        SiteSettings.Collection declared = settings.collections().get(collection);
        String template = values.get("permalink") != null ? String.valueOf(values.get("permalink"))
                : declared.permalink() != null ? declared.permalink()
                : Urls.withSuffix("/:collection/:path", settings.permalinkStyle());
        Map<String, String> placeholders = Map.of("collection", collection, "path", path(file, "_" + collection),
                "name", Urls.slugify(basename(file), false, false),
                "slug", Urls.slugify(values.get("slug") != null ? String.valueOf(values.get("slug")) : basename(file), false, false),
                "title", Urls.slugify(values.get("slug") != null ? String.valueOf(values.get("slug")) : basename(file), true, true),
                "output_ext", ".html");
        String url = Urls.generate(template, placeholders);
        return Optional.of(new PublishedPage(file, collection, url, Urls.outputFile(url, ".html"), values, own.body()));
    }

    /** The folders above {@code _posts}, then the front matter's categories, each once, lower case. */
    private static List<String> categories(String file, Map<String, Object> values) {
        Set<String> categories = new LinkedHashSet<>();
        int posts = file.indexOf("_posts/");
        if (posts > 0) {
            for (String folder : file.substring(0, posts).split("/")) {
                if (!folder.isEmpty()) {
                    categories.add(folder.toLowerCase(Locale.ROOT));
                }
            }
        }
        for (String key : List.of("category", "categories")) {
            Object value = values.get(key);
            List<Object> list = value instanceof List<?> l ? new ArrayList<>(l)
                    : value == null ? List.of() : List.of((Object[]) String.valueOf(value).split("\\s+"));
            list.forEach(c -> categories.add(String.valueOf(c).toLowerCase(Locale.ROOT)));
        }
        categories.removeIf(String::isBlank);
        return List.copyOf(categories);
    }

    /** {@code :path}: the file's path inside its folder, without extension. */
    private static String path(String file, String folder) {
        int at = file.indexOf(folder + "/");
        String inside = at < 0 ? file : file.substring(at + folder.length() + 1);
        return inside.replaceAll("\\.[^./]+$", "");
    }

    private static String basename(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    static Optional<LocalDate> date(Object value) {
        if (value instanceof java.util.Date d) {
            return Optional.of(d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        }
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(String.valueOf(value));
        return m.lookingAt() ? Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)))) : Optional.empty();
    }
}
