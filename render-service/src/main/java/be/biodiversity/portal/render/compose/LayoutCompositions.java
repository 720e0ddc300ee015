package be.biodiversity.portal.render.compose;

import java.util.List;
import java.util.Map;

import be.biodiversity.portal.render.content.Page;

/**
 * The blocks a page is composed of: its own {@code composition}, else the one its layout declares in the hosted-portal
 * theme (the theme's {@code _layouts/home.html} composes a hero, the page's text and the latest posts, so a site's
 * home page with {@code layout: home} and no composition of its own shows the latest posts under its text). Null when
 * neither composes the page: it is shown as text.
 */
public final class LayoutCompositions {

    private static final Map<String, List<Map<String, Object>>> BY_LAYOUT = Map.of("home", List.of(
            Map.of("type", "heroImage"), Map.of("type", "pageMarkdown"),
            Map.of("type", "latestPosts", "data", "home.latestPosts")));

    private LayoutCompositions() {
    }

    public static List<Map<String, Object>> of(Page page) {
        Page.FrontMatter front = page.shownFrontMatter();
        if (front != null && front.composition() != null && !front.composition().isEmpty()) {
            return front.composition();
        }
        return page.layout() == null ? null : BY_LAYOUT.get(page.layout());
    }
}
