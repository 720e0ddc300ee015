package be.biodiversity.portal.render.content;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A title that holds HTML (the theme's {@code <span class="is-green">}) is shown as its text, never as tags. */
class PageTitleTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theTextOfATitleWithHtmlIsShown() {
        Page page = page("""
                {"title": "<span class=\\"is-green\\">Open</span> data", "resolved": {
                  "title": "<span class=\\"is-green\\">Open</span> data", "titleText": "Open data"}}""");

        assertThat(page.shownTitle()).isEqualTo("Open data");
    }

    @Test
    void withoutTitleTextTheResolvedTitleIsShown() {
        assertThat(page("""
                {"title": "Source", "resolved": {"title": "Resolved"}}""").shownTitle()).isEqualTo("Resolved");
        assertThat(page("""
                {"title": "Source"}""").shownTitle()).isEqualTo("Source");
    }

    private Page page(String body) {
        return this.json.readValue(body, Page.class);
    }
}
