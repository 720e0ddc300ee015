package be.biodiversity.portal.render.page;

import java.util.List;

/**
 * What every page shows around its content: the top navigation and the footer columns, from the site data
 * files {@code navigation} and {@code footer} of the page's language.
 */
public record SiteChrome(List<NavItem> navigation, List<FooterColumn> footer) {

    static final SiteChrome NONE = new SiteChrome(List.of(), List.of());

    /**
     * A top-level entry: a link ({@code href}) or a menu of links.
     *
     * @param current this link, or one in this menu, is the page shown
     */
    public record NavItem(String text, String href, boolean current, List<NavItem> menu) {
    }

    /** @param descriptionHtml the column's markdown as HTML, raw HTML in it dropped */
    public record FooterColumn(String name, String descriptionHtml) {
    }
}
