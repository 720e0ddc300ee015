package be.biodiversity.portal.content.jekyll;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.content.page.NewPage;
import be.biodiversity.portal.content.resolve.UnsafeMarkup;
import be.biodiversity.portal.content.web.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;

/** One file's problem never refuses the site: each is reported with file, line and what was done. */
class PerFileProblemsTests {

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The unsafe-markup rule and a body limit, as the page rules apply them. */
    private static Optional<InvalidFieldException> rules(NewPage page) {
        if (page.body() != null && page.body().length() > 500) {
            return Optional.of(new InvalidFieldException("body", "is " + page.body().length() + " characters long"));
        }
        return UnsafeMarkup.findRefused(page.body()).map(m -> new InvalidFieldException("body", m));
    }

    private static ReadSite read(SourceFile... files) {
        return new SiteReader("en", PerFileProblemsTests::rules, Instant.parse("2026-01-01T00:00:00Z"))
                .read(List.of(files));
    }

    @Test
    void scriptUrlsThePageRulesRefuseAreMadeInertAndThePageImported() {
        ReadSite site = read(file("en/events.md", """
                ---
                title: Events
                ---
                ## Agenda

                <div id="calendar"></div>
                <a href="javascript:void(0)">Top</a>
                """));
        assertThat(site.items()).singleElement().satisfies(i -> {
            assertThat(i.page().body()).contains("## Agenda", "<div id=\"calendar\"></div>", ">Top</a>")
                    .doesNotContain("javascript:");
            assertThat(UnsafeMarkup.findRefused(i.page().body())).isEmpty();
        });
        assertThat(site.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("en/events.md");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.action()).isEqualTo(Problem.STRIPPED);
            assertThat(p.message()).contains("javascript: URL");
        });
    }

    @Test
    void scriptsAndHandlersAreLeftToTheMarkupPolicyWhenTheRulesAcceptThem() {
        ReadSite site = read(file("en/video.md", "---\ntitle: Video\n---\nWatch:\n\n"
                + "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n<script>x()</script>\n"));
        assertThat(site.items()).singleElement().satisfies(i ->
                assertThat(i.page().body()).contains("<iframe src=\"https://www.youtube.com/embed/x\">"));
        assertThat(site.problems()).isEmpty();
    }

    @Test
    void aPageOverALimitIsLeftOutAndTheRestImported() {
        ReadSite site = read(file("en/long.md", "---\ntitle: Long\n---\n" + "x".repeat(600)),
                file("en/short.md", "---\ntitle: Short\n---\nok\n"));
        assertThat(site.items()).extracting(ImportedItem::path).containsExactly("en/short.md");
        assertThat(site.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("en/long.md");
            assertThat(p.action()).isEqualTo(Problem.SKIPPED);
            assertThat(p.message()).contains("600 characters");
        });
        assertThat(site.hasErrors(false)).isFalse();
    }

    @Test
    void collectionsThatAreOutputBecomePagesAtTheirPermalinks() {
        ReadSite site = read(file("_config.yml", """
                        permalink: pretty
                        collections:
                          projects:
                            output: true
                            permalink: /projects/:name/
                          members:
                            output: true
                          notes:
                            output: false
                        defaults:
                          - scope: {path: "", type: projects}
                            values: {layout: page}
                        """),
                file("_projects/B-Cubed.md", "---\ntitle: B-Cubed\n---\nText\n"),
                file("_members/team/anna.md", "---\ntitle: Anna\n---\n"),
                file("_notes/secret.md", "---\ntitle: Secret\n---\n"));
        assertThat(site.items()).extracting(i -> i.page().permalink() + " " + i.page().layout())
                .containsExactlyInAnyOrder("/projects/b-cubed page", "/members/team/anna null");
    }

    @Test
    void aPageAtAnHtmlPermalinkIsAlsoFoundWithoutTheExtension() {
        ReadSite site = read(file("data.md", "---\ntitle: Data\n---\n"), file("en/index.html", "---\ntitle: Home\n---\n"));
        assertThat(site.items()).extracting(i -> i.page().permalink() + " " + i.aliases())
                .containsExactlyInAnyOrder("/data.html [/data]", "/en []");
    }
}
