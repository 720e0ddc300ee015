package be.biodiversity.portal.content.jekyll;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.biodiversity.portal.content.page.NewPage;
import be.biodiversity.portal.content.page.Page;
import be.biodiversity.portal.content.yaml.Yaml;

/** Turns one markdown file into a page or a post, with the config's defaults applied as Jekyll applies them. */
final class ItemReader {

    /** Front-matter keys that become fields of the page; the rest stays in its front matter. */
    private static final Set<String> PROMOTED = Set.of("lang", "permalink", "lang-ref", "title", "description",
            "background", "imageLicense", "layout", "categories", "category", "date", "published", "slug");

    private final SiteConfig config;
    private final String defaultLang;
    private final List<Problem> problems;
    private final Instant now;

    ItemReader(SiteConfig config, String defaultLang, List<Problem> problems, Instant now) {
        this.config = config;
        this.defaultLang = defaultLang;
        this.problems = problems;
        this.now = now;
    }

    Optional<ImportedItem> page(SourceFile file) {
        return parse(file).map(fm -> {
            Map<String, Object> values = config.effective(file.path(), "pages", fm.values());
            String permalink = Permalinks.page(file.path(), values.get("permalink"), config.permalinkStyle());
            String status = Boolean.FALSE.equals(values.get("published")) ? Page.DRAFT : Page.PUBLISHED;
            return item(file, fm, values, Page.PAGE, permalink, null, status);
        });
    }

    /** A document of a collection that is output: a page at the collection's permalink. */
    Optional<ImportedItem> document(SourceFile file, Collections.Collection collection) {
        return parse(file).map(fm -> {
            Map<String, Object> values = config.effective(file.path(), collection.name(), fm.values());
            String inCollection = file.path().substring(file.path().indexOf('/') + 1);
            String permalink = Permalinks.document(collection.name(), inCollection, values.get("permalink"),
                    collection.permalink(), config.permalinkStyle());
            String status = Boolean.FALSE.equals(values.get("published")) ? Page.DRAFT : Page.PUBLISHED;
            return item(file, fm, values, Page.PAGE, permalink, null, status);
        });
    }

    Optional<ImportedItem> post(SourceFile file) {
        return parse(file).flatMap(fm -> {
            Map<String, Object> values = config.effective(file.path(), "posts", fm.values());
            Optional<PostFile> name = PostFile.of(file.name());
            String fileTitle = name.map(PostFile::title).orElse(file.name().replaceAll("\\.[^.]+$", ""));
            Instant date = date(values.get("date"), name.map(PostFile::date).orElse(null));
            String status = Boolean.FALSE.equals(values.get("published")) ? Page.DRAFT : Page.PUBLISHED;
            if (name.isEmpty()) {
                problems.add(Problem.warning(file.path(), null, "not published: Jekyll only publishes posts named "
                        + "YYYY-MM-DD-title.md; kept as a draft"));
                status = Page.DRAFT;
            }
            if (date == null) {
                problems.add(Problem.warning(file.path(), null, "not imported: a post needs a date (in its name or front matter)"));
                return Optional.empty();
            }
            if (date.isAfter(now) && status.equals(Page.PUBLISHED) && !Boolean.TRUE.equals(config.site().get("future"))) {
                problems.add(Problem.warning(file.path(), lineOf(file, fm, "date"),
                        "dated in the future: Jekyll does not publish it yet; kept as a draft"));
                status = Page.DRAFT;
            }
            String permalink = Permalinks.post(values.get("permalink"), config.permalinkStyle(),
                    LocalDate.ofInstant(date, ZoneOffset.UTC), fileTitle, values.get("slug"), categories(values));
            return Optional.of(item(file, fm, values, Page.POST, permalink, date, status));
        });
    }

    private Optional<FrontMatter> parse(SourceFile file) {
        try {
            FrontMatter fm = FrontMatter.parse(file.text(),
                    w -> problems.add(Problem.warning(file.path(), w.line(), w.message())));
            if (!fm.present() && file.path().startsWith("_posts/")) {
                problems.add(Problem.warning(file.path(), 1, "has no front matter: Jekyll copies it as a file, not a post"));
            }
            return fm.present() ? Optional.of(fm) : Optional.empty();
        }
        catch (Yaml.YamlException ex) {
            // malformed or over a limit: this file is left out, the rest of the site imported
            problems.add(Problem.skipped(file.path(), ex.line(), ex.getMessage()));
            return Optional.empty();
        }
    }

    private ImportedItem item(SourceFile file, FrontMatter fm, Map<String, Object> values, String kind,
            String permalink, Instant date, String status) {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        rest.keySet().removeAll(PROMOTED);
        String lang = values.get("lang") == null ? defaultLang : String.valueOf(values.get("lang"));
        String title = text(values, "title");
        if (title == null || title.isBlank()) {
            title = file.name().replaceAll("\\.[^.]+$", "");
        }
        NewPage page = new NewPage(lang, permalink, text(values, "lang-ref"), title, text(values, "description"),
                text(values, "background"), text(values, "imageLicense"), fm.body(), rest, kind, text(values, "layout"),
                Page.POST.equals(kind) ? categories(values) : List.of(), date, status);
        return new ImportedItem(page, file.path(), fingerprint(file.path(), page),
                file.text().replace("\r\n", "\n"), fm.bodyLine());
    }

    /**
     * What the page became, not the bytes it came from: the file with the config's defaults applied. A change to
     * {@code _config.yml} that changes no page (its title, a setting Liquid reads) rewrites no page — the pages that
     * show it follow the data file — and one that does (a default layout) rewrites only the pages it changed.
     */
    static String fingerprint(String path, NewPage page) {
        return Hashes.sha256(Hashes.utf8(path), Hashes.utf8(page.toString()));
    }

    private static Integer lineOf(SourceFile file, FrontMatter fm, String key) {
        String[] lines = file.text().split("\n", -1);
        for (int i = 1; i < Math.min(lines.length, fm.bodyLine()); i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return null;
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** {@code categories} as a list or a space-separated string, plus {@code category}. */
    private static List<String> categories(Map<String, Object> values) {
        List<String> result = new ArrayList<>();
        Object categories = values.get("categories");
        if (categories instanceof List<?> list) {
            list.forEach(c -> result.add(String.valueOf(c)));
        }
        else if (categories != null) {
            result.addAll(List.of(String.valueOf(categories).trim().split("\\s+")));
        }
        if (values.get("category") != null) {
            result.add(String.valueOf(values.get("category")));
        }
        return result;
    }

    private static Instant date(Object value, LocalDate fromName) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value != null) {
            LocalDate parsed = PostFile.parseDate(String.valueOf(value));
            if (parsed != null) {
                return parsed.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }
        return fromName == null ? null : fromName.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
