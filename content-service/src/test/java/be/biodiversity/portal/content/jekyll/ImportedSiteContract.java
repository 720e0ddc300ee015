package be.biodiversity.portal.content.jekyll;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.content.page.PageRevision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold after importing a Jekyll-style repository, checked against the repository's own files: every
 * page and every published post exists in its language, undated posts are reported and not published, pages
 * resolve without Liquid errors, and the site's own problems come out as warnings. Subclasses import.
 */
abstract class ImportedSiteContract {

    static final String TOKEN = "Bearer test-editor-secret";
    static final List<String> LANGUAGES = List.of("en", "nl", "fr");

    /**
     * render-service's own routes ({@code /dataset/search}, {@code /nl/publisher/_key_}, {@code /search}): the
     * hosted-portal theme has pages there for GBIF's widgets; an import reports and leaves them out (page/ReservedPaths).
     */
    static final java.util.regex.Pattern PORTAL_ROUTE = java.util.regex.Pattern.compile(
            "/?([a-z]{2}(-[a-z]{2})?/)?(search|privacy|(publisher|literature|dataset|occurrence|collection|institution)/[^/]+)/?");

    /** A page the import stores: it has a permalink, and not at one of render-service's routes. */
    static boolean stored(FixtureFiles.FileEntry page) {
        String permalink = page.text("permalink");
        return permalink != null && !PORTAL_ROUTE.matcher(permalink).matches();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    abstract FixtureFiles files();

    abstract ImportReport firstImport();

    abstract ImportReport importAgain();

    @Test
    void everyPageExistsInItsLanguage() {
        assertThat(files().pages()).isNotEmpty();
        for (FixtureFiles.FileEntry page : files().pages()) {
            String permalink = page.text("permalink");
            if (!stored(page)) {
                continue;
            }
            web.get().uri(u -> u.path("/api/content/v1/pages").queryParam("lang", page.lang())
                    .queryParam("path", permalink.startsWith("/") ? permalink : "/" + permalink).build())
                    // the source path is shown to editors only
                    .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.title").isEqualTo(page.text("title"))
                    .jsonPath("$.sourcePath").isEqualTo(page.path());
        }
        Map<String, Long> perLang = files().pages().stream().filter(page -> page.text("permalink") == null || stored(page))
                .collect(Collectors.groupingBy(FixtureFiles.FileEntry::lang, Collectors.counting()));
        perLang.forEach((lang, count) -> assertThat(firstImport().counts().get("page").get(lang))
                .as("pages in %s", lang).isEqualTo(count.intValue()));
    }

    @Test
    void pagesAtRenderServicesRoutesAreReportedAndLeftOut() {
        for (FixtureFiles.FileEntry page : files().pages()) {
            if (page.text("permalink") != null && !stored(page)) {
                assertThat(firstImport().problems()).as(page.path())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo(page.path());
                            assertThat(p.action()).isEqualTo(Problem.SKIPPED);
                            assertThat(p.message()).contains("is reserved");
                        });
            }
        }
    }

    @Test
    void everyDatedPostIsPublishedInItsLanguage() {
        for (String lang : LANGUAGES) {
            Set<String> expected = files().datedPosts().stream().filter(p -> p.lang().equals(lang))
                    .map(p -> p.text("title")).collect(Collectors.toSet());
            List<String> published = web.get().uri("/api/content/v1/posts?lang=" + lang + "&limit=1000").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody() instanceof Map<?, ?> body
                    ? ((List<?>) body.get("results")).stream().map(r -> (String) ((Map<?, ?>) r).get("title")).toList()
                    : List.of();
            assertThat(published).as("published posts in %s", lang).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void undatedPostsAreReportedAndNotPublished() {
        assertThat(files().undatedPosts()).isNotEmpty();
        for (FixtureFiles.FileEntry post : files().undatedPosts()) {
            assertThat(firstImport().problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo(post.path());
                assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                assertThat(p.message()).contains("not published");
            });
            web.get().uri("/api/content/v1/posts?lang=" + post.lang() + "&limit=1000").exchange().expectBody()
                    .jsonPath("$.results[?(@.title == '" + post.text("title").replace("'", "\\'") + "' && @.status == 'published')]")
                    .doesNotExist();
            web.get().uri("/api/content/v1/posts?lang=" + post.lang() + "&status=draft&limit=1000")
                    .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.results[?(@.title == '" + post.text("title").replace("'", "\\'") + "')]").exists();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesResolveWithoutLiquidErrorsAndWithTheirData() {
        for (FixtureFiles.FileEntry page : files().pages()) {
            String permalink = page.text("permalink");
            if (!stored(page)) {
                continue;
            }
            Map<String, Object> view = web.get().uri(u -> u.path("/api/content/v1/pages").queryParam("lang", page.lang())
                    .queryParam("path", permalink.startsWith("/") ? permalink : "/" + permalink).build())
                    // the source path is shown to editors only
                    .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            Map<String, Object> resolved = (Map<String, Object>) view.get("resolved");
            List<Map<String, Object>> problems = (List<Map<String, Object>>) resolved.get("problems");
            assertThat(problems).as(page.path()).noneMatch(p -> Boolean.TRUE.equals(p.get("error")));
            assertThat((String) view.get("html")).as(page.path()).doesNotContain("{{").doesNotContain("{%");
            String background = page.text("background");
            if (background != null && background.matches("\\{\\{\\s*site\\.data\\.images\\.(\\w+)\\.src\\s*}}")) {
                String key = background.replaceAll(".*images\\.(\\w+)\\.src.*", "$1");
                Object image = files().images().get(key);
                if (image instanceof Map<?, ?> img) {
                    assertThat(resolved.get("heroImage")).as(page.path()).isEqualTo(img.get("src"));
                    assertThat(problems).as(page.path()).isEmpty();
                }
            }
        }
    }

    @Test
    void langRefsThatPairWithNothingAreWarnings() {
        assertThat(files().lonelyLangRefs()).isNotEmpty();
        for (FixtureFiles.FileEntry lonely : files().lonelyLangRefs()) {
            assertThat(firstImport().problems()).as(lonely.path()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo(lonely.path());
                assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                assertThat(p.message()).contains("pairs with nothing");
                assertThat(p.line()).isPositive();
            });
        }
        assertThat(firstImport().errors()).isZero();
        assertThat(firstImport().imported()).isTrue();
    }

    @Test
    void importingTheSameRepositoryAgainCreatesNoRevisions() {
        firstImport();
        long revisions = mongo.count(new Query(), PageRevision.class).block();
        long site = web.get().uri("/api/content/v1/revision").exchange().expectBody(Map.class).returnResult()
                .getResponseBody().get("revision") instanceof Number n ? n.longValue() : -1;
        ImportReport again = importAgain();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.deleted()).isZero();
        assertThat(again.unchanged()).isEqualTo(firstImport().created() + firstImport().updated() + firstImport().unchanged());
        assertThat(mongo.count(new Query(), PageRevision.class).block()).isEqualTo(revisions);
        web.get().uri("/api/content/v1/revision").exchange().expectBody().jsonPath("$.revision").isEqualTo((int) site);
    }
}
