package be.biodiversity.portal.content.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.data.DataWriter;
import be.biodiversity.portal.content.page.Page;
import be.biodiversity.portal.content.page.NewPage;
import be.biodiversity.portal.content.page.PageService;
import be.biodiversity.portal.content.page.PageWriter;
import org.springframework.core.annotation.Order;

/**
 * On the first start with an empty database, loads the demo pages shipped in the jar ({@code demo/pages}).
 * Runs on the main thread before the service reports ready, so the first visitor finds the pages there.
 */
@Component
@Order(2)
class DemoContentLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);

    /** Front-matter keys that become fields of the page; the hosted-portal theme's names. */
    private static final Set<String> PAGE_FIELDS = Set.of("lang", "permalink", "lang-ref", "title", "description",
            "background", "imageLicense", "kind", "layout", "categories", "date");

    private final PageService pages;
    private final PageWriter writer;
    private final DataWriter data;
    private final IndexCreator indexes;
    private final ContentProperties properties;

    DemoContentLoader(PageService pages, PageWriter writer, DataWriter data, IndexCreator indexes,
            ContentProperties properties) {
        this.pages = pages;
        this.writer = writer;
        this.data = data;
        this.indexes = indexes;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        // The unique indexes are made (and waited for) only before the demo is written into an empty database: after a
        // site import they exist, and asking the embedded server to add them again while the import's change-stream
        // followers catch up once hung content-service's start-up for 60 s in a clean-clone CI run (FirstClickIT).
        Mono<Long> load = pages.countAll()
                .flatMap(count -> count > 0 || !properties.loadDemo() ? Mono.just(0L)
                        : indexes.ensureAll().then(Flux.fromIterable(read()).concatMap(page -> writer.create(page, "demo"))
                                .count()).flatMap(loaded -> loadData().thenReturn(loaded)));
        Long loaded = load.block(Duration.ofSeconds(60));
        if (loaded != null && loaded > 0) {
            log.info("Loaded {} demo pages into an empty database", loaded);
        }
    }

    /** The demo site's navigation and footer, in the default language ({@code demo/data}) and per language. */
    private Mono<Void> loadData() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/data/**/*.yml");
            return Flux.fromArray(files).concatMap(file -> {
                String url = uncheckedUrl(file);
                String relative = url.substring(url.lastIndexOf("demo/data/") + "demo/data/".length());
                String lang = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
                String name = file.getFilename().replace(".yml", "");
                return data.importFile(name, lang, text(file), null, "demo/data/" + relative, null, "demo");
            }).then();
        }
        catch (IOException ex) {
            return Mono.error(new UncheckedIOException("Cannot read the demo data", ex));
        }
    }

    private static String uncheckedUrl(Resource file) {
        try {
            return file.getURL().toString();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String text(Resource file) {
        try {
            return file.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<NewPage> read() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/pages/*/*.md");
            return Arrays.stream(files).sorted(Comparator.comparing(Resource::getDescription))
                    .map(DemoContentLoader::toRequest).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the demo pages", ex);
        }
    }

    private static NewPage toRequest(Resource file) {
        try {
            MarkdownFile md = MarkdownFile.parse(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8));
            Map<String, Object> rest = new LinkedHashMap<>(md.frontMatter());
            rest.keySet().removeAll(PAGE_FIELDS);
            Object categories = md.frontMatter().get("categories");
            return new NewPage(md.text("lang"), md.text("permalink"), md.text("lang-ref"), md.text("title"),
                    md.text("description"), md.text("background"), md.text("imageLicense"), md.body(), rest,
                    md.text("kind"), md.text("layout"),
                    categories instanceof List<?> list ? list.stream().map(String::valueOf).toList() : null,
                    md.text("date") == null ? null : Instant.parse(md.text("date")), null);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the demo page " + file, ex);
        }
    }
}
