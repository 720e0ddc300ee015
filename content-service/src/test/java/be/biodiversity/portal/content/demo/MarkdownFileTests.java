package be.biodiversity.portal.content.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MarkdownFileTests {

    @Test
    void splitsFrontMatterFromTheBody() {
        MarkdownFile file = MarkdownFile.parse("a.md", "---\ntitle: Gemeenschap\nlang-ref: community\n---\n\n## Wie\n");
        assertThat(file.text("title")).isEqualTo("Gemeenschap");
        assertThat(file.text("lang-ref")).isEqualTo("community");
        assertThat(file.body()).isEqualTo("## Wie\n");
    }

    @Test
    void refusesAFileWithoutFrontMatterNamingTheFile() {
        assertThatIllegalArgumentException().isThrownBy(() -> MarkdownFile.parse("b.md", "# Title\n"))
                .withMessageStartingWith("b.md:1:");
    }

    @Test
    void refusesUnclosedFrontMatter() {
        assertThatIllegalArgumentException().isThrownBy(() -> MarkdownFile.parse("c.md", "---\ntitle: x\n"))
                .withMessageContaining("c.md").withMessageContaining("not closed");
    }

    @Test
    void theDemoPagesAreComplete() {
        var pages = DemoContentLoader.read();
        assertThat(pages).hasSize(15);
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.lang()).isIn("en", "nl", "fr");
            assertThat(page.title()).isNotBlank();
            assertThat(page.translationKey()).isIn("home", "community", "news", "post-portal-opens",
                    "post-literature");
        });
        assertThat(pages).filteredOn(page -> "post".equals(page.kind())).hasSize(6)
                .allSatisfy(post -> assertThat(post.date()).isNotNull());
    }
}
