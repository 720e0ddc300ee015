package be.biodiversity.portal.content.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
            "background", "imageLicense");

    private final PageService pages;
    private final PageWriter writer;
    private final IndexCreator indexes;
    private final ContentProperties properties;

    DemoContentLoader(PageService pages, PageWriter writer, IndexCreator indexes, ContentProperties properties) {
        this.pages = pages;
        this.writer = writer;
        this.indexes = indexes;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        Mono<Long> load = indexes.ensureAll()
                .then(pages.countAll())
                .flatMap(count -> count > 0 || !properties.loadDemo() ? Mono.just(0L)
                        : Flux.fromIterable(read()).concatMap(page -> writer.create(page, "demo")).count());
        Long loaded = load.block(Duration.ofSeconds(60));
        if (loaded != null && loaded > 0) {
            log.info("Loaded {} demo pages into an empty database", loaded);
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
            return NewPage.page(md.text("lang"), md.text("permalink"), md.text("lang-ref"), md.text("title"),
                    md.text("description"), md.text("background"), md.text("imageLicense"), md.body(), rest);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the demo page " + file, ex);
        }
    }
}
