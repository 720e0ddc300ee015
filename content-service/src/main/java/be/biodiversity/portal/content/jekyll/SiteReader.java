package be.biodiversity.portal.content.jekyll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import be.biodiversity.portal.content.asset.AssetReader;
import be.biodiversity.portal.content.asset.AssetSource;
import be.biodiversity.portal.content.page.NewPage;
import be.biodiversity.portal.content.resolve.UnsafeMarkup;
import be.biodiversity.portal.content.resolve.IncludeNames;
import be.biodiversity.portal.content.web.InvalidFieldException;
import be.biodiversity.portal.content.yaml.Yaml;

/**
 * Reads a repository's files as Jekyll does: {@code _config.yml}, the languages the site declares, data files under
 * {@code _data}, posts under {@code _posts} (only {@code YYYY-MM-DD-title} files are published), documents of the
 * collections the config outputs ({@code _<name>/}), and every other markdown or HTML file with front matter as a
 * page. Folders and files starting with {@code _} or {@code .} and the config's {@code exclude} entries are ignored,
 * as Jekyll ignores them. A file with a problem of its own is reported (file, line, what was done) and the rest of
 * the site is read; nothing here refuses the site as a whole. Files that are neither text the importer reads nor
 * ignored (images, PDFs under {@code assets/}) are static files, handed on as {@link ReadSite#assets()}.
 */
final class SiteReader {

    /** The front-matter key each page field is read from. */
    private static final Map<String, String> FIELD_KEYS = Map.of("heroImage", "background", "heroImageCredit",
            "imageLicense", "translationKey", "lang-ref");
    private static final String INCLUDES = "_includes/";

    private final String fallbackLanguage;
    private final AssetReader assetReader;
    private final Function<NewPage, Optional<InvalidFieldException>> rules;
    private final Instant now;
    private final ImportPool pool;

    private final List<Problem> problems = new ArrayList<>();
    private boolean configReadable;

    /**
     * @param fallbackLanguage the default language when the site declares none
     * @param rules            the page rules, language apart (the site's own languages are checked here)
     */
    SiteReader(String fallbackLanguage, Function<NewPage, Optional<InvalidFieldException>> rules, Instant now) {
        this(fallbackLanguage, rules, now, null);
    }

    /** @param assetReader reads markdown and HTML files without front matter as static files; null: they are not */
    SiteReader(String fallbackLanguage, Function<NewPage, Optional<InvalidFieldException>> rules, Instant now,
            AssetReader assetReader) {
        this(fallbackLanguage, rules, now, assetReader, new ImportPool(1));
    }

    /** @param pool parses the pages and posts (front matter, defaults, permalinks), many files at once */
    SiteReader(String fallbackLanguage, Function<NewPage, Optional<InvalidFieldException>> rules, Instant now,
            AssetReader assetReader, ImportPool pool) {
        this.pool = pool;
        this.assetReader = assetReader;
        this.fallbackLanguage = fallbackLanguage;
        this.rules = rules;
        this.now = now;
    }

    ReadSite read(List<SourceFile> files) {
        List<SourceFile> sorted = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        SourceFile configFile = sorted.stream().filter(f -> f.path().equals("_config.yml")).findFirst().orElse(null);
        SiteConfig config = configFile == null ? SiteConfig.EMPTY : config(configFile);
        DeclaredLanguages declared = DeclaredLanguages.of(config, languagesFile(sorted), fallbackLanguage);
        List<String> excludes = config.site().get("exclude") instanceof List<?> list
                ? list.stream().map(String::valueOf).map(e -> e.replaceAll("^/+", "").replaceAll("/+$", "")).toList()
                : List.of();
        Collections collections = Collections.of(config);
        // pages and posts are parsed after the walk, many at once; each with its own list of problems, which
        // go into the report at the file's place, as if read one after the other
        List<ItemTask> tasks = new ArrayList<>();
        List<SourceFile> dataFiles = new ArrayList<>();
        List<ImportedInclude> includes = new ArrayList<>();
        List<ImportedItem> read = new ArrayList<>();
        Map<String, AssetSource> assets = new java.util.TreeMap<>();
        List<ImportedData> data = new ArrayList<>();
        for (SourceFile file : sorted) {
            String path = file.path();
            String ext = path.lastIndexOf('.') < 0 ? "" : path.substring(path.lastIndexOf('.') + 1).toLowerCase();
            boolean yaml = ext.equals("yml") || ext.equals("yaml");
            if (file.asset() != null) {
                // a file Jekyll copies to the site as it is: an image, a PDF, a font
                if (!ignored(path, excludes) && staticFile(path, file.asset())) {
                    assets.put(path, file.asset());
                }
            }
            else if (assetReader != null && !ignored(path, excludes) && !hasFrontMatter(file)) {
                // a markdown, HTML or YAML file without front matter (a README.md): Jekyll copies it as it is too
                AssetSource asset = assetReader.read(file.content());
                if (staticFile(path, asset)) {
                    assets.put(path, asset);
                }
            }
            else if (path.equals("_config.yml")) {
                if (configReadable) {
                    data.add(new ImportedData("_config", "", file.text(), path, Hashes.sha256(file.content())));
                }
            }
            else if (path.startsWith(INCLUDES)) {
                include(file, path.substring(INCLUDES.length())).ifPresent(includes::add);
            }
            else if (path.startsWith("_data/") && yaml) {
                dataFiles.add(file);
            }
            else if (path.startsWith("_posts/") && !yaml) {
                tasks.add(new ItemTask(problems.size(), items -> items.post(file)));
            }
            else if (collections.of(path).isPresent() && !yaml) {
                Collections.Collection collection = collections.of(path).get();
                if (collection.output()) {
                    tasks.add(new ItemTask(problems.size(), items -> items.document(file, collection)));
                }
            }
            else if (!ignored(path, excludes) && !yaml) {
                tasks.add(new ItemTask(problems.size(), items -> items.page(file)));
            }
        }
        List<ParsedItem> parsed = pool.map(tasks, task -> {
            List<Problem> own = new ArrayList<>();
            Optional<ImportedItem> item = task.parse().apply(new ItemReader(config, declared.defaultLanguage(),
                    own, now));
            return new ParsedItem(task.problemsBefore(), item, own);
        });
        // the items' problems in file order: inserted from the last so that earlier positions stay right
        for (int i = parsed.size() - 1; i >= 0; i--) {
            problems.addAll(parsed.get(i).problemsBefore(), parsed.get(i).problems());
        }
        parsed.forEach(p -> p.item().ifPresent(read::add));
        List<ImportedItem> accepted = checked(read);
        Set<String> used = languages(accepted, declared);
        dataFiles.forEach(file -> dataFile(file, file.path().substring("_data/".length(),
                file.path().lastIndexOf('.')), used).ifPresent(data::add));
        return new ReadSite(accepted, data, includes, problems, siteLanguages(declared, used), assets);
    }

    /** A page or post to parse: where its problems go in the report, and how it is read. */
    private record ItemTask(int problemsBefore, Function<ItemReader, Optional<ImportedItem>> parse) {
    }

    private record ParsedItem(int problemsBefore, Optional<ImportedItem> item, List<Problem> problems) {
    }

    private static boolean hasFrontMatter(SourceFile file) {
        String text = file.text();
        return text.startsWith("---\n") || text.startsWith("---\r\n") || text.equals("---");
    }

    /** Over a limit: reported and left out; with front matter (a css or js file Jekyll renders): left out. */
    private boolean staticFile(String path, AssetSource asset) {
        if (asset.refusal() != null) {
            problems.add(Problem.skipped(path, null, asset.refusal()));
            return false;
        }
        if (asset.frontMatter()) {
            problems.add(Problem.warning(path, 1, "has front matter: Jekyll renders such a file; the portal only "
                    + "imports pages and posts, so it is not imported"));
            return false;
        }
        return true;
    }

    private SiteConfig config(SourceFile file) {
        try {
            Object yaml = Yaml.load(file.text(), 1, warning(file));
            configReadable = true;
            return yaml instanceof Map<?, ?> map ? SiteConfig.of(stringKeys(map)) : SiteConfig.EMPTY;
        }
        catch (Yaml.YamlException ex) {
            problems.add(Problem.skipped(file.path(), ex.line(), ex.getMessage()
                    + "; the site is read without its settings (Jekyll's defaults)"));
            return SiteConfig.EMPTY;
        }
    }

    /** {@code _data/languages.yml} parsed, or null when there is none or it cannot be read (reported with the data). */
    private static Object languagesFile(List<SourceFile> files) {
        return files.stream().filter(f -> f.path().equals("_data/languages.yml") || f.path().equals("_data/languages.yaml"))
                .findFirst().map(f -> {
                    try {
                        return Yaml.load(f.text(), 1);
                    }
                    catch (Yaml.YamlException ex) {
                        return null;
                    }
                }).orElse(null);
    }

    /**
     * The languages the accepted pages use. A page in a language the site does not declare is imported in it (a
     * warning names the language once), as is a folder named like a language the site does not declare: its files
     * get what the config's defaults give them.
     */
    private Set<String> languages(List<ImportedItem> accepted, DeclaredLanguages declared) {
        Set<String> used = new LinkedHashSet<>();
        Map<String, ImportedItem> undeclared = new LinkedHashMap<>();
        Map<String, String> folders = new LinkedHashMap<>();
        for (ImportedItem item : accepted) {
            used.add(item.page().lang());
            if (!declared.declares(item.page().lang())) {
                undeclared.putIfAbsent(item.page().lang(), item);
            }
            String[] segments = item.path().split("/");
            String folder = segments[0].equals("_posts") && segments.length > 2 ? segments[1]
                    : !segments[0].startsWith("_") && segments.length > 1 ? segments[0] : null;
            if (DeclaredLanguages.looksLikeLanguage(folder) && !declared.declares(folder)
                    && !folder.equals(item.page().lang())) {
                folders.putIfAbsent(folder, item.path() + " is in " + item.page().lang());
            }
        }
        undeclared.forEach((lang, item) -> problems.add(Problem.warning(item.path(), item.lineOf("lang"), "the language '"
                + lang + "' is not one the site declares (languages in _config.yml, _data/languages.yml, lang in its "
                + "defaults); its pages are imported in '" + lang + "' and the language is added to the site's list")));
        folders.forEach((folder, example) -> problems.add(Problem.warning(example.substring(0, example.indexOf(' ')),
                null, "the folder '" + folder + "' looks like a language the site does not declare; its files are "
                        + "imported as the site's settings give them (" + example + ")")));
        return used;
    }

    private static be.biodiversity.portal.content.language.SiteLanguages siteLanguages(DeclaredLanguages declared,
            Set<String> used) {
        List<String> all = new ArrayList<>(declared.languages());
        List<String> undeclared = used.stream().filter(l -> !declared.declares(l)).toList();
        all.addAll(undeclared);
        return new be.biodiversity.portal.content.language.SiteLanguages(
                be.biodiversity.portal.content.language.SiteLanguages.DEFAULT_SITE, declared.defaultLanguage(), all,
                declared.labels(), undeclared, "import", null);
    }

    /** An include, if its name is one an include tag may use. */
    private Optional<ImportedInclude> include(SourceFile file, String name) {
        Optional<String> problem = IncludeNames.problem(name);
        if (problem.isPresent()) {
            problems.add(Problem.skipped(file.path(), null, "not an include an include tag can name: " + problem.get()));
            return Optional.empty();
        }
        return Optional.of(new ImportedInclude(name, file.text(), file.path(), Hashes.sha256(file.content())));
    }

    private java.util.function.Consumer<Yaml.Warning> warning(SourceFile file) {
        return w -> problems.add(Problem.warning(file.path(), w.line(), w.message()));
    }

    /** A data file that cannot be read (malformed or over a limit) or holds unsafe markup is left out, reported. */
    private Optional<ImportedData> dataFile(SourceFile file, String relative, Set<String> languages) {
        try {
            Yaml.load(file.text(), 1, warning(file));
        }
        catch (Yaml.YamlException ex) {
            problems.add(Problem.skipped(file.path(), ex.line(), ex.getMessage()
                    + "; site.data has no entry for this file"));
            return Optional.empty();
        }
        Optional<String> unsafe = UnsafeMarkup.find(file.text());
        if (unsafe.isPresent()) {
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("^line (\\d+)").matcher(unsafe.get());
            boolean found = line.find();
            problems.add(Problem.skipped(file.path(), found ? Integer.valueOf(line.group(1)) : null,
                    found ? unsafe.get().substring(line.end() + 1).strip() : unsafe.get()));
            return Optional.empty();
        }
        int slash = relative.indexOf('/');
        String first = slash < 0 ? "" : relative.substring(0, slash);
        boolean localised = languages.contains(first) || DeclaredLanguages.looksLikeLanguage(first);
        return Optional.of(new ImportedData(localised ? relative.substring(slash + 1) : relative,
                localised ? first : "", file.text(), file.path(), Hashes.sha256(file.content())));
    }

    /**
     * The rules every page obeys, and one page per language and permalink. Unsafe markup is removed (reported as
     * {@code stripped}); any other broken rule, or a permalink another file has already, leaves the file out. The
     * rules are checked on the pool, once per file; the permalinks in file order.
     */
    private List<ImportedItem> checked(List<ImportedItem> read) {
        List<Ruled> ruled = pool.map(read, this::ruled);
        Map<String, ImportedItem> taken = new HashMap<>();
        List<ImportedItem> accepted = new ArrayList<>();
        for (Ruled one : ruled) {
            problems.addAll(one.problems());
            ImportedItem item = one.item();
            if (item == null) {
                continue;
            }
            String key = item.page().lang() + " " + item.page().permalink();
            ImportedItem first = taken.putIfAbsent(key, item);
            if (first != null) {
                problems.add(Problem.skipped(item.path(), item.lineOf("permalink"), "permalink "
                        + item.page().permalink() + " in language " + item.page().lang() + " is taken already by "
                        + first.path() + " (Jekyll would write one over the other)"));
                continue;
            }
            accepted.add(item);
        }
        return accepted;
    }

    /** A file after the page rules: the item to import (null: left out) and what was reported about it. */
    private record Ruled(ImportedItem item, List<Problem> problems) {
    }

    private Ruled ruled(ImportedItem candidate) {
        List<Problem> found = new ArrayList<>();
        Optional<InvalidFieldException> broken = rules.apply(candidate.page());
        ImportedItem item = candidate;
        if (broken.isPresent() && refused(candidate.page()).isPresent()) {
            item = stripped(candidate, found);
            if (item == null) {
                return new Ruled(null, found);
            }
            broken = rules.apply(item.page());
        }
        if (broken.isPresent()) {
            found.add(Problem.skipped(item.path(), line(item, broken.get()), broken.get().getMessage()));
            return new Ruled(null, found);
        }
        return new Ruled(item, found);
    }

    /**
     * The item with the markup the page rules refuse removed (reported as {@code stripped}), or null when it cannot
     * be made acceptable (reported). Scripts, handlers and iframes the rules accept are the markup policy's:
     * removed (and reported) when the page is resolved.
     */
    private static ImportedItem stripped(ImportedItem item, List<Problem> found) {
        ImportedPages.Stripped result = ImportedPages.strip(item.page(), MarkupStripper::active);
        Optional<String> still = refused(result.page());
        if (still.isPresent()) {
            found.add(Problem.skipped(item.path(), null, still.get()));
            return null;
        }
        Integer line = result.firstLine() == null ? null : item.bodyLine() + result.firstLine() - 1;
        found.add(Problem.stripped(item.path(), line, "unsafe markup removed, the rest of the page is imported: "
                + String.join(", ", result.removed().stream().limit(10).toList())
                + (result.removed().size() > 10 ? " and " + (result.removed().size() - 10) + " more" : "")));
        return new ImportedItem(result.page(), item.path(), item.hash(), item.text(), item.bodyLine(), item.aliases());
    }

    /** What the page rules refuse in the fields they check ({@link UnsafeMarkup#findRefused}: script URLs). */
    private static Optional<String> refused(NewPage page) {
        for (String field : new String[] { page.body(), page.description(), page.heroImage(), page.heroImageCredit() }) {
            Optional<String> found = UnsafeMarkup.findRefused(field);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Integer line(ImportedItem item, InvalidFieldException broken) {
        String field = broken.field();
        Integer line = item.lineOf(FIELD_KEYS.getOrDefault(field, field));
        java.util.regex.Matcher bodyLine = java.util.regex.Pattern.compile("^(?:body: )?line (\\d+)")
                .matcher(broken.getMessage());
        if ("body".equals(field) && bodyLine.find()) {
            line = item.bodyLine() + Integer.parseInt(bodyLine.group(1)) - 1;
        }
        return line;
    }

    private static boolean ignored(String path, List<String> excludes) {
        for (String segment : path.split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return true;
            }
        }
        return excludes.stream().anyMatch(e -> path.equals(e) || path.startsWith(e + "/")
                || e.startsWith("**/") && (path.equals(e.substring(3)) || path.endsWith("/" + e.substring(3))));
    }

    static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
