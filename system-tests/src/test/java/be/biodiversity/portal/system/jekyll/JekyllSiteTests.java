package be.biodiversity.portal.system.jekyll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages a Jekyll build publishes, from small sites shaped like the hosted portals (hp-gbif-be, hp-template). */
class JekyllSiteTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    /** The defaults of GBIF.be's _config.yml: pretty permalinks, a language per folder, posts per language. */
    private static final String HOSTED_PORTAL_CONFIG = """
            title: GBIF.be
            email: gbif@biodiversity.be
            email: info@example.org
            exclude:
              - Gemfile
              - README.md
              - /**/README.md
              - en/data/disabled/
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
                  path: "_posts/fr"
                values:
                  layout: "post"
                  permalink: "/fr/post/:year/:slug/"
                  lang: fr
              - scope:
                  path: "fr/"
                values:
                  lang: fr
            """;

    @TempDir
    Path site;

    @Test
    void pagesTakeTheirPermalinkOrThePrettyStyleAndPostsTheirFoldersDefaults() throws IOException {
        write("_config.yml", HOSTED_PORTAL_CONFIG);
        write("en/about.md", "---\nlang-ref: about\ntitle: Welcome to GBIF.be\npermalink: /about\n---\n## Our mission\n");
        write("en/home.md", "---\nlayout: home\ntitle: Biodiversity in Belgium\npermalink: /\n---\n");
        write("en/occurrenceSearch.md", "---\ntitle: Occurrence search\npermalink: occurrence/search\n---\n");
        write("fr/faqs.md", "---\ntitle: FAQ\n---\n### Qu'est-ce que le GBIF?\n");
        write("fr/index.md", "---\ntitle: Accueil\n---\n");
        write("_posts/2024-05-17-DiSSCo-Fed.md", "---\ntitle: DiSSCo\n---\nText\n");
        write("_posts/fr/2024-05-17-DiSSCo-Fed.md", "---\ntitle: DiSSCo\n---\nTexte\n");
        write("_posts/2025-09-01-PB_GBIF.md", "---\ntitle: PB\ndate: 2024-12-31 23:00:00\n---\n");

        JekyllSite jekyll = JekyllSite.read(site, TODAY);

        assertThat(urls(jekyll)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/about", "about.html",
                "/", "index.html",
                "/occurrence/search", "occurrence/search.html",
                "/fr/faqs/", "fr/faqs/index.html",
                "/fr/", "fr/index.html",
                "/post/2024/dissco-fed/", "post/2024/dissco-fed/index.html",
                "/fr/post/2024/dissco-fed/", "fr/post/2024/dissco-fed/index.html",
                "/post/2024/pb-gbif/", "post/2024/pb-gbif/index.html"));
        assertThat(jekyll.byOutput().get("fr/post/2024/dissco-fed/index.html").lang()).isEqualTo("fr");
        assertThat(jekyll.byOutput().get("fr/faqs/index.html").lang()).isEqualTo("fr");
        assertThat(jekyll.byOutput().get("post/2024/dissco-fed/index.html").layout()).isEqualTo("post");
        assertThat(jekyll.byOutput().get("about.html").body()).isEqualTo("## Our mission\n");
    }

    @Test
    void withoutAStyleAPageKeepsItsHtmlExtensionAndAPostItsDateAndTitle() throws IOException {
        write("_config.yml", "title: Plain\n");
        write("data.md", "---\ntitle: Data\n---\n");
        write("docs/index.html", "---\ntitle: Docs\n---\n<p>x</p>\n");
        write("_posts/2021-01-14-For-Authors.md", "---\ntitle: For authors\ncategories: [Help, News]\n---\n");
        write("fr/_posts/2021-02-01-bonjour.markdown", "---\ntitle: Bonjour\n---\n");

        assertThat(urls(JekyllSite.read(site, TODAY))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/data.html", "data.html",
                "/docs/", "docs/index.html",
                "/help/news/2021/01/14/For-Authors.html", "help/news/2021/01/14/For-Authors.html",
                "/fr/2021/02/01/bonjour.html", "fr/2021/02/01/bonjour.html"));
    }

    @Test
    void leavesOutWhatJekyllDoesNotPublish() throws IOException {
        write("_config.yml", HOSTED_PORTAL_CONFIG);
        write("README.md", "---\ntitle: Read me\n---\n");
        write("assets/README.md", "---\ntitle: Read me\n---\n");
        write("en/data/disabled/installationKey.md", "---\ntitle: Installation\npermalink: /installation/_key_\n---\n");
        write("en/draft.md", "---\ntitle: Draft\npublished: false\n---\n");
        write("en/notes.md", "No front matter: copied as a static file\n");
        write("assets/css/site.css", "---\n---\nbody { color: red }\n");
        write("_includes/block.html", "---\ntitle: x\n---\n");
        write("_drafts/2024-01-01-soon.md", "---\ntitle: Soon\n---\n");
        write("_posts/nl/ECA25.md", "---\ntitle: No date in the name\n---\n");
        write("_posts/2027-01-01-next-year.md", "---\ntitle: Future\n---\n");
        write("_posts/2026-01-01-hidden.md", "---\ntitle: Hidden\npublished: false\n---\n");
        write(".github/page.md", "---\ntitle: x\n---\n");
        write("Gemfile", "source 'https://rubygems.org'\n");
        write("en/kept.md", "---\n---\n");

        assertThat(urls(JekyllSite.read(site, TODAY))).containsOnlyKeys("/en/kept/");
    }

    @Test
    void aFuturePostIsPublishedWhenTheConfigSaysSo() throws IOException {
        write("_config.yml", "future: true\npermalink: pretty\n");
        write("_posts/2027-01-01-next-year.md", "---\ntitle: Future\n---\n");

        assertThat(urls(JekyllSite.read(site, TODAY))).containsOnlyKeys("/2027/01/01/next-year/");
    }

    @Test
    void documentsOfCollectionsWithOutputArePublishedAtTheirPermalink() throws IOException {
        write("_config.yml", """
                permalink: pretty
                collections:
                  team:
                    output: true
                  projects:
                    output: true
                    permalink: /project/:name
                  notes:
                    output: false
                defaults:
                  - scope:
                      path: ""
                      type: team
                    values:
                      layout: person
                """);
        write("_team/anna.md", "---\ntitle: Anna\n---\n");
        write("_projects/Big Survey.md", "---\ntitle: Survey\n---\n");
        write("_notes/secret.md", "---\ntitle: Notes\n---\n");

        JekyllSite jekyll = JekyllSite.read(site, TODAY);

        assertThat(urls(jekyll)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/team/anna/", "team/anna/index.html",
                "/project/big-survey", "project/big-survey.html"));
        assertThat(jekyll.byOutput().get("team/anna/index.html").layout()).isEqualTo("person");
        assertThat(jekyll.byOutput().get("team/anna/index.html").kind()).isEqualTo("team");
    }

    @Test
    void theLongerScopePathWinsWhateverItsPlaceAndATypedScopeAnEqualOne() throws IOException {
        write("_config.yml", """
                defaults:
                  - scope:
                      path: "fr/news"
                    values:
                      lang: fr-be
                  - scope:
                      path: "fr"
                    values:
                      lang: fr
                      layout: page
                  - scope:
                      path: "fr"
                      type: pages
                    values:
                      layout: french
                  - scope:
                      path: "fr"
                    values:
                      layout: ignored
                """);
        write("fr/news/today.md", "---\ntitle: x\n---\n");
        write("fr/about.md", "---\ntitle: x\n---\n");
        write("french/about.md", "---\ntitle: x\n---\n");

        Map<String, PublishedPage> pages = JekyllSite.read(site, TODAY).byOutput();

        assertThat(pages.get("fr/news/today.html").lang()).isEqualTo("fr-be");
        assertThat(pages.get("fr/about.html").layout()).isEqualTo("french");
        // Jekyll compares scope paths as text: "fr" is a prefix of "french/about.md"
        assertThat(pages.get("french/about.html").lang()).isEqualTo("fr");
    }

    @Test
    void anIncludedFolderIsReadAndFrontMatterMayEndWithDots() throws IOException {
        write("_config.yml", "include:\n  - _pages\n");
        write("_pages/contact.md", "---\ntitle: Contact\npermalink: /contact/\n...\nWrite to us\n");

        JekyllSite jekyll = JekyllSite.read(site, TODAY);

        assertThat(urls(jekyll)).containsOnlyKeys("/contact/");
        assertThat(jekyll.pages().get(0).body()).isEqualTo("Write to us\n");
    }

    private Map<String, String> urls(JekyllSite jekyll) {
        return jekyll.pages().stream().collect(Collectors.toMap(PublishedPage::url, PublishedPage::output));
    }

    private void write(String file, String text) throws IOException {
        Path path = site.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
