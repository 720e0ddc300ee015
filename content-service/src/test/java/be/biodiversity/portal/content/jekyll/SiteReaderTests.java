package be.biodiversity.portal.content.jekyll;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.content.page.Page;
import be.biodiversity.portal.content.resolve.UnsafeMarkup;
import be.biodiversity.portal.content.web.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;

class SiteReaderTests {

    private static final String CONFIG = """
            permalink: pretty
            defaults:
              - scope: {path: ""}
                values: {layout: page, lang: en}
              - scope: {path: "_posts"}
                values: {layout: post, permalink: "/post/:year/:slug/"}
              - scope: {path: "nl"}
                values: {lang: nl}
              - scope: {path: "_posts/nl"}
                values: {permalink: "/nl/post/:year/:slug/", lang: nl}
            """;

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ReadSite read(SourceFile... files) {
        return new SiteReader("en", p -> Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"))
                .read(List.of(files));
    }

    @Test
    void appliesTheConfigDefaultsAndPostPermalinksAsJekyll() {
        ReadSite site = read(file("_config.yml", CONFIG),
                file("nl/over.md", "---\ntitle: Over\n---\nTekst\n"),
                file("about.md", "---\ntitle: About\n---\n"),
                file("_posts/nl/2025-04-04-Humboldt_Extension.md", "---\ntitle: H\ndate: 2025-04-05 10:00:00 +0200\n---\n"));
        assertThat(site.items()).extracting(i -> i.page().lang() + " " + i.page().permalink() + " " + i.page().layout())
                .containsExactlyInAnyOrder("nl /nl/over page", "en /about page", "nl /nl/post/2025/humboldt-extension post");
        assertThat(site.problems()).isEmpty();
    }

    @Test
    void anUndatedPostIsReportedAndKeptAsADraft() {
        ReadSite site = read(file("_config.yml", CONFIG), file("_posts/nl/ECA.md", "---\ntitle: E\ndate: 2025-06-03\n---\n"));
        assertThat(site.items()).singleElement().satisfies(i -> assertThat(i.page().status()).isEqualTo(Page.DRAFT));
        assertThat(site.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("_posts/nl/ECA.md");
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.message()).contains("not published");
        });
    }

    @Test
    void unpublishedAndFuturePostsAreDraftsUnlessTheConfigSaysFuture() {
        ReadSite site = read(file("_config.yml", CONFIG), file("en/hidden.md", "---\ntitle: H\npublished: false\n---\n"),
                file("_posts/2027-01-01-later.md", "---\ntitle: Later\n---\n"));
        assertThat(site.items()).allSatisfy(i -> assertThat(i.page().status()).isEqualTo(Page.DRAFT));
        assertThat(site.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("future"));
        ReadSite future = read(file("_config.yml", CONFIG + "future: true\n"), file("_posts/2027-01-01-later.md", "---\ntitle: Later\n---\n"));
        assertThat(future.items()).singleElement().satisfies(i -> assertThat(i.page().status()).isEqualTo(Page.PUBLISHED));
    }

    @Test
    void malformedYamlLeavesOutThatFileAloneWithFileAndLine() {
        ReadSite site = read(file("en/bad.md", "---\ntitle: ok\ndescription: [unclosed\nlang: en\n---\nBody\n"),
                file("_data/nav.yml", "a: 1\n  b: 2\n"), file("_data/footer.yml", "links: []\n"),
                file("en/good.md", "---\ntitle: Good\n---\nBody\n"));
        assertThat(site.hasErrors(false)).isFalse();
        assertThat(site.hasErrors(true)).isTrue();
        assertThat(site.problems()).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("en/bad.md:").contains("malformed YAML").endsWith("(skipped)"))
                .anySatisfy(p -> assertThat(p).startsWith("_data/nav.yml:2:").contains("malformed YAML").endsWith("(skipped)"));
        assertThat(site.problems()).filteredOn(p -> p.file().equals("en/bad.md")).singleElement()
                .satisfies(p -> assertThat(p.line()).isBetween(3, 5));
        assertThat(site.items()).extracting(ImportedItem::path).containsExactly("en/good.md");
        assertThat(site.data()).extracting(ImportedData::name).containsExactly("footer");
    }

    @Test
    void aDuplicatePermalinkLeavesOutTheSecondFileNamingBoth() {
        ReadSite site = read(file("en/a.md", "---\ntitle: A\npermalink: /same\n---\n"),
                file("en/b.md", "---\ntitle: B\npermalink: /same/\n---\n"));
        assertThat(site.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("en/b.md");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("/same").contains("en/a.md");
            assertThat(p.action()).isEqualTo(Problem.SKIPPED);
        });
        assertThat(site.items()).extracting(ImportedItem::path).containsExactly("en/a.md");
    }

    @Test
    void aConfigThatIsNotYamlIsReportedAndTheSiteReadWithJekyllsDefaults() {
        ReadSite site = read(file("_config.yml", "title: [x\n"), file("about.md", "---\ntitle: About\n---\n"));
        assertThat(site.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("_config.yml");
            assertThat(p.action()).isEqualTo(Problem.SKIPPED);
        });
        assertThat(site.items()).extracting(i -> i.page().permalink()).containsExactly("/about.html");
    }

    @Test
    void manyFilesReadOnSeveralThreadsGiveTheSameItemsAndProblemsInTheSameOrderAsOneThread() {
        List<SourceFile> files = new java.util.ArrayList<>();
        files.add(file("_config.yml", CONFIG));
        for (int i = 0; i < 300; i++) {
            // every seventh file malformed, every eleventh a post without a date, others taking one permalink
            String text = i % 7 == 0 ? "---\ntitle: [broken\n---\n"
                    : i % 11 == 0 ? "---\ntitle: Undated " + i + "\n---\n"
                    : "---\ntitle: Page " + i + "\npermalink: /p/" + (i % 13 == 0 ? "same" : i) + "\n---\nText"
                            + (i % 17 == 0 ? " with [a script](javascript:alert(1))" : "") + ".\n";
            files.add(file((i % 11 == 0 ? "_posts/undated-" : "en/page-") + i + ".md", text));
        }
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        // the page rules: script URLs refused (the importer strips them), titles ending in 5 refused (left out)
        java.util.function.Function<be.biodiversity.portal.content.page.NewPage, Optional<InvalidFieldException>> rules =
                page -> UnsafeMarkup.findRefused(page.body()).map(m -> new InvalidFieldException("body", m))
                        .or(() -> page.title() != null && page.title().endsWith("5")
                                ? Optional.of(new InvalidFieldException("title", "ends in 5")) : Optional.empty());
        ReadSite one = new SiteReader("en", rules, now, null, new ImportPool(1)).read(files);
        ReadSite four = new SiteReader("en", rules, now, null, new ImportPool(4)).read(files);

        assertThat(one.problems()).hasSizeGreaterThan(50);
        assertThat(one.problems()).extracting(Problem::action).contains(Problem.STRIPPED, Problem.SKIPPED);
        assertThat(one.problems()).anySatisfy(p -> assertThat(p.message()).contains("ends in 5"));
        assertThat(four.problems()).isEqualTo(one.problems());
        assertThat(four.items()).extracting(ImportedItem::path)
                .containsExactlyElementsOf(one.items().stream().map(ImportedItem::path).toList());
        assertThat(four.items()).extracting(ImportedItem::hash)
                .containsExactlyElementsOf(one.items().stream().map(ImportedItem::hash).toList());
    }
}
