package be.biodiversity.portal.render.page;

import java.util.List;

/**
 * What every page shows around its content: the top navigation and the footer columns, from the site data
 * files {@code navigation} and {@code footer} of the page's language.
 *
 * @param footerHtml the footer's small print ({@code other}, else {@code license}: markdown, raw HTML dropped), or null
 */
public record SiteChrome(List<NavItem> navigation, List<FooterColumn> footer, String footerHtml) {

    static final SiteChrome NONE = new SiteChrome(List.of(), List.of(), null);

    /**
     * A top-level entry: a link ({@code href}) or a menu of links.
     *
     * @param current this link, or one in this menu, is the page shown
     */
    public record NavItem(String text, String href, boolean current, List<NavItem> menu) {
    }

    /**
     * @param descriptionHtml the column's markdown as HTML, raw HTML in it dropped
     * @param links the column's links ({@code links: [{text, href}]}), only safe URLs
     */
    public record FooterColumn(String name, String descriptionHtml, List<NavItem> links) {
    }
}
