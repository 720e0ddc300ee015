package be.biodiversity.portal.content.jekyll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import be.biodiversity.portal.content.asset.AssetReader;
import be.biodiversity.portal.content.asset.AssetSource;
import be.biodiversity.portal.content.page.NewPage;
import be.biodiversity.portal.content.page.UnsafeMarkup;
import be.biodiversity.portal.content.resolve.IncludeNames;
import be.biodiversity.portal.content.web.InvalidFieldException;

/**
 * Reads a repository's files as Jekyll does: {@code _config.yml}, data files under {@code _data}, posts under
 * {@code _posts} (only {@code YYYY-MM-DD-title} files are published), and every other markdown or HTML file
 * with front matter as a page. Folders and files starting with {@code _} or {@code .} and the config's
 * {@code exclude} entries are ignored, as Jekyll ignores them.
 */
final class SiteReader {

    /** The front-matter key each page field is read from. */
    private static final Map<String, String> FIELD_KEYS = Map.of("heroImage", "background", "heroImageCredit",
            "imageLicense", "translationKey", "lang-ref");

    private final List<String> languages;
    private final AssetReader assetReader;
    private final Function<NewPage, Optional<InvalidFieldException>> rules;
    private final Instant now;
    private static final String INCLUDES = "_includes/";

    private final List<Problem> problems = new ArrayList<>();
    private boolean configReadable;

    SiteReader(List<String> languages, Function<NewPage, Optional<InvalidFieldException>> rules, Instant now) {
        this(languages, rules, now, null);
    }

    /** @param assetReader reads markdown and HTML files without front matter as static files; null: they are not */
    SiteReader(List<String> languages, Function<NewPage, Optional<InvalidFieldException>> rules, Instant now,
            AssetReader assetReader) {
        this.assetReader = assetReader;
        this.languages = languages;
        this.rules = rules;
        this.now = now;
    }

    ReadSite read(List<SourceFile> files) {
        List<SourceFile> sorted = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        SourceFile configFile = sorted.stream().filter(f -> f.path().equals("_config.yml")).findFirst().orElse(null);
        SiteConfig config = configFile == null ? SiteConfig.EMPTY : config(configFile);
        byte[] configBytes = configFile == null ? new byte[0] : configFile.content();
        List<String> excludes = config.site().get("exclude") instanceof List<?> list
                ? list.stream().map(String::valueOf).map(e -> e.replaceAll("/+$", "")).toList() : List.of();
        ItemReader items = new ItemReader(config, configBytes, languages.get(0), problems, now);
        List<ImportedData> data = new ArrayList<>();
        List<ImportedInclude> includes = new ArrayList<>();
        List<ImportedItem> read = new ArrayList<>();
        Map<String, AssetSource> assets = new java.util.TreeMap<>();
        for (SourceFile file : sorted) {
            String path = file.path();
            String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase();
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
                dataFile(file, path.substring("_data/".length(), path.lastIndexOf('.'))).ifPresent(data::add);
            }
            else if (path.startsWith("_posts/") && !yaml) {
                items.post(file).ifPresent(read::add);
            }
            else if (!ignored(path, excludes) && !yaml) {
                items.page(file).ifPresent(read::add);
            }
        }
        return new ReadSite(checked(read), data, includes, problems, assets);
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
            problems.add(yamlProblem(file, ex));
            return SiteConfig.EMPTY;
        }
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

    /** Over a limit: that file is left out and the rest imported; malformed: the import is refused, as before. */
    private static Problem yamlProblem(SourceFile file, Yaml.YamlException ex) {
        return ex.limit() ? Problem.skipped(file.path(), ex.line(), ex.getMessage())
                : Problem.error(file.path(), ex.line(), ex.getMessage());
    }

    private Optional<ImportedData> dataFile(SourceFile file, String relative) {
        try {
            Yaml.load(file.text(), 1, warning(file));
        }
        catch (Yaml.YamlException ex) {
            problems.add(yamlProblem(file, ex));
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
        boolean localised = languages.contains(first);
        return Optional.of(new ImportedData(localised ? relative.substring(slash + 1) : relative,
                localised ? first : "", file.text(), file.path(), Hashes.sha256(file.content())));
    }

    /** The rules every page obeys, and one page per language and permalink. */
    private List<ImportedItem> checked(List<ImportedItem> read) {
        Map<String, ImportedItem> taken = new HashMap<>();
        List<ImportedItem> accepted = new ArrayList<>();
        for (ImportedItem item : read) {
            Optional<InvalidFieldException> broken = rules.apply(item.page());
            if (broken.isPresent()) {
                String field = broken.get().field();
                Integer line = item.lineOf(FIELD_KEYS.getOrDefault(field, field));
                java.util.regex.Matcher bodyLine = java.util.regex.Pattern.compile("^body: line (\\d+)")
                        .matcher(broken.get().getMessage());
                if (bodyLine.find()) {
                    line = item.bodyLine() + Integer.parseInt(bodyLine.group(1)) - 1;
                }
                problems.add(Problem.error(item.path(), line, broken.get().getMessage()));
                continue;
            }
            String key = item.page().lang() + " " + item.page().permalink();
            ImportedItem first = taken.putIfAbsent(key, item);
            if (first != null) {
                problems.add(Problem.error(item.path(), item.lineOf("permalink"), "permalink " + item.page().permalink()
                        + " in language " + item.page().lang() + " is taken already by " + first.path()));
                continue;
            }
            accepted.add(item);
        }
        return accepted;
    }

    private static boolean ignored(String path, List<String> excludes) {
        for (String segment : path.split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return true;
            }
        }
        return excludes.stream().anyMatch(e -> path.equals(e) || path.startsWith(e + "/"));
    }

    static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
