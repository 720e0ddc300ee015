package be.biodiversity.portal.content.resolve;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted-portal theme's includes that sites call from their pages, as the portal implements them: called with
 * the theme's parameters, they show what the theme shows.
 */
class BuiltInIncludesTests {

    private final PageResolver resolver = new PageResolver(LiquidLimits.DEFAULTS, () -> 0L);

    private ResolvedPage resolve(String body, Map<String, Object> data) {
        SiteContext site = SiteContext.of(Map.of("title", "Portal"), data, Map.of(), Map.of(), "v1");
        return resolver.resolve(new PageSource("en", "/docs/intro", null, "Intro", null, null, null, body, Map.of(),
                "page", List.of(), null), site);
    }

    @Test
    void figureTakesTheThemesParameters() {
        // as the theme's own example post calls it
        ResolvedPage page = resolve("{% include figure.html url=\"/assets/img/Haeckel.jpeg\" alt=\"Caulerpa\" "
                + "description=\"Kunstformen der Natur (1904) by Ernst Haeckel\" %}", Map.of());
        assertThat(page.problems()).isEmpty();
        assertThat(page.html()).contains("<img src=\"/assets/img/Haeckel.jpeg\" alt=\"Caulerpa\"")
                .contains("<figcaption>Kunstformen der Natur (1904) by Ernst Haeckel</figcaption>");
    }

    @Test
    void figureStillTakesThePortalsOwnParameters() {
        ResolvedPage page = resolve("{% include figure.html src=\"/a.png\" alt=\"A\" caption=\"Seen\" %}", Map.of());
        assertThat(page.html()).contains("<img src=\"/a.png\" alt=\"A\"").contains("<figcaption>Seen</figcaption>");
    }

    @Test
    void navlistListsATreeFromTheSitesData() {
        Map<String, Object> docs = Map.of("docs", List.of(Map.of("title", "Intro", "path", "/docs/intro"),
                Map.of("sectiontitle", "Blocks", "section", List.of(Map.of("title", "Hero", "path", "/docs/hero")))));
        ResolvedPage page = resolve("{% include navlist.html tree=site.data.docs %}", docs);
        assertThat(page.problems()).isEmpty();
        assertThat(page.html()).contains("<ul class=\"menu-list\">").contains("href=\"/docs/intro\">Intro</a>")
                .contains("Blocks").contains("href=\"/docs/hero\">Hero</a>");
        assertThat(page.html().replaceAll("\\s+", " ")).contains("class=\"active\" href=\"/docs/intro\"");
        assertThat(resolver.builtInIncludes()).contains("figure.html", "navlist.html");
    }
}
