package be.biodiversity.portal.render.page;

import java.util.List;

/**
 * Everything the page template shows, already decided: which links, which lists, which notices.
 *
 * @param lang the page's language
 * @param home the home page in that language
 * @param title page title (the one h1)
 * @param description short description, may be null
 * @param heroImage URL of the hero image, null if none or not a safe URL
 * @param heroCreditHtml the image credit as inline HTML, may be null
 * @param bodyHtml the body as HTML
 * @param canonicalUrl absolute URL of this page
 * @param alternates absolute URLs of the language versions, for {@code <link rel="alternate">}
 * @param languageLinks the language switch; empty when there is nothing to switch to
 * @param blocks the directory sections, in front-matter order
 * @param partial a part of the page (translations, a directory list) could not be had
 * @param descriptionHtml the description's lines through inline markdown, as the theme's hero
 *        {@code markdownify}s it ({@code *at*} in italics; raw HTML shown as text)
 */
record PageView(String lang, String home, String title, String description, String heroImage,
        String heroCreditHtml, String bodyHtml, String canonicalUrl, List<Alternate> alternates,
        List<LanguageLink> languageLinks, List<OrganisationBlock> blocks, boolean partial,
        List<String> descriptionHtml) {

    private static final java.util.regex.Pattern BREAK = java.util.regex.Pattern.compile("(?i)<br\\s*/?>");

    private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile("(?i)<h1[\\s>]");

    /**
     * The description's lines: the theme's descriptions break lines with a literal {@code <br>}, which is shown as
     * a line break (the text itself stays text).
     */
    public List<String> descriptionLines() {
        return lines(this.description);
    }

    static List<String> lines(String description) {
        return (description == null) ? List.of()
                : BREAK.splitAsStream(description).map(String::strip).filter((line) -> !line.isEmpty()).toList();
    }

    /**
     * The body has a level-1 heading of its own (a post starting with {@code # Title}): as in the theme, the page
     * title is then shown above it without being a heading, so the page keeps one h1.
     */
    public boolean bodyHasHeading() {
        return this.bodyHtml != null && HEADING.matcher(this.bodyHtml).find();
    }

    record Alternate(String hreflang, String href) {
    }

    record LanguageLink(String lang, String href, boolean current) {
    }

    /**
     * @param title section heading
     * @param available false when directory-service could not be asked: show a notice instead
     * @param organisations sorted by name in the page's language
     */
    record OrganisationBlock(String title, boolean available, List<OrganisationItem> organisations) {

        static OrganisationBlock unavailable(String title) {
            return new OrganisationBlock(title, false, List.of());
        }

    }

    /**
     * @param homepage an http(s) URL, or null: we do not link to anything else
     */
    record OrganisationItem(String name, String acronym, String homepage) {
    }

}
