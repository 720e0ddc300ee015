package be.biodiversity.portal.content.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTests {

    @Test
    void tagsDropEntitiesDecodeAndSpacesCollapse() {
        assertThat(HtmlText.of("<h2 id=\"a\">Écologie</h2>\n<p>Bos &amp; <em>heide</em>&nbsp;&#233;t&#xE9;</p>"))
                .isEqualTo("Écologie Bos & heide été");
    }

    @Test
    void scriptsAndBrokenMarkupLeaveNoText() {
        assertThat(HtmlText.of("<p>a</p><script>secret()</script><p>b</p>")).isEqualTo("a b");
        assertThat(HtmlText.of("a &bogus; &#0; <unclosed")).isEqualTo("a &bogus; &#0;");
        assertThat(HtmlText.of(null)).isEmpty();
    }
}
