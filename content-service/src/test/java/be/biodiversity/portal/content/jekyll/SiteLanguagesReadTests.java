package be.biodiversity.portal.content.jekyll;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The languages a site declares, read from real-shaped snippets of hosted portals (hp-template, hp-gbif-be). */
class SiteLanguagesReadTests {

    /** As hp-template writes it: two {@code email:} keys, languages in the defaults and in _data/languages.yml. */
    private static final String TEMPLATE_CONFIG = """
            title: Template_site # the title of your site should go here
            email: your-email@example.com
            # SOCIAL PROFILES that will show in the footer
            email: info@gbif.org                                      # Social icon in footer
            algae:
              rootLang: en
              archive_permalink: /news/
            permalink: pretty
            defaults:
              - scope:
                  path: ""
                values:
                  layout: "page"
                  lang: en
              - scope:
                  path: "_posts"
                values:
                  layout: "post"
                  permalink: "/post/:year/:slug/"
              - scope:
                  path: "da/"
                values:
                  lang: da
              - scope:
                  path: "_posts/da"
                values:
                  layout: "post"
                  permalink: "/da/post/:year/:slug/"
                  lang: da
            """;

    private static final String LANGUAGES = """
            # The translations on this page is machine generated and need a review
            en:
              label: English
              archive_permalink: /post/
            da:
              label: Dansk
              archive_permalink: /da/post/
            zh-tw:
              label: 繁體中文
            """;

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ReadSite read(SourceFile... files) {
        return new SiteReader("en", p -> Optional.empty(), Instant.parse("2026-01-01T00:00:00Z")).read(List.of(files));
    }

    @Test
    void theTemplatesConfigWithATwiceGivenKeyIsReadWithAWarningAndItsLanguagesAccepted() {
        ReadSite site = read(file("_config.yml", TEMPLATE_CONFIG), file("_data/languages.yml", LANGUAGES),
                file("da/om.md", "---\ntitle: Om\n---\nTekst\n"),
                file("_posts/da/2025-02-01-nyhed.md", "---\ntitle: Nyhed\n---\nTekst\n"));
        assertThat(site.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("_config.yml");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.message()).contains("'email'").contains("last value counts");
        });
        assertThat(site.items()).extracting(i -> i.page().lang() + " " + i.page().permalink())
                .containsExactlyInAnyOrder("da /da/om", "da /da/post/2025/nyhed");
        assertThat(site.languages().defaultLanguage()).isEqualTo("en");
        assertThat(site.languages().languages()).containsExactly("en", "da", "zh-tw");
        assertThat(site.languages().labels()).containsEntry("da", "Dansk").containsEntry("zh-tw", "繁體中文");
        assertThat(site.languages().undeclared()).isEmpty();
    }

    @Test
    void theDefaultLanguageComesFromTheConfigWhenItNamesOne() {
        ReadSite site = read(file("_config.yml", "default_lang: de\nlanguages: [de, it]\n"),
                file("about.md", "---\ntitle: Über\n---\n"));
        assertThat(site.languages().languages()).containsExactly("de", "it");
        assertThat(site.items()).singleElement().satisfies(i -> assertThat(i.page().lang()).isEqualTo("de"));
    }

    @Test
    void aLanguageTheSiteDoesNotDeclareIsImportedWithAWarningNeverRefused() {
        ReadSite site = read(file("_config.yml", "defaults:\n  - scope: {path: \"\"}\n    values: {lang: en}\n"),
                file("_posts/da/2025-02-01-nyhed.md", "---\ntitle: Nyhed\n---\n"),
                file("sv/om.md", "---\ntitle: Om\nlang: sv\n---\n"));
        assertThat(site.items()).extracting(i -> i.page().lang() + " " + i.page().permalink())
                .containsExactlyInAnyOrder("en /2025/02/01/nyhed.html", "sv /sv/om.html");
        assertThat(site.problems()).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING))
                .anySatisfy(p -> assertThat(p.message()).contains("'sv' is not one the site declares"))
                .anySatisfy(p -> assertThat(p.message()).contains("folder 'da'"));
        assertThat(site.languages().languages()).containsExactly("en", "sv");
        assertThat(site.languages().undeclared()).containsExactly("sv");
    }

    @Test
    void dataFilesOfALanguageFolderAreThatLanguagesData() {
        ReadSite site = read(file("_config.yml", TEMPLATE_CONFIG), file("_data/languages.yml", LANGUAGES),
                file("_data/da/footer.yml", "links: []\n"), file("_data/footer.yml", "links: []\n"));
        assertThat(site.data()).extracting(d -> d.lang() + ":" + d.name())
                .contains("da:footer", ":footer", ":languages");
    }
}
