package be.biodiversity.portal.content.resolve;

import java.util.List;
import java.util.Map;

/**
 * A page as a visitor sees it: Liquid evaluated in the front matter and the body, the body as sanitized HTML.
 *
 * @param frontMatter     every front-matter value with its Liquid evaluated
 * @param excerpt         the text of the first paragraph, as Jekyll's {@code page.excerpt}
 * @param titleHtml       the title as the theme shows it in a heading: its HTML
 *                        ({@code Open <span class="is-green">data</span>}) kept where harmless (span, em, strong, i,
 *                        b, small, sup, sub, mark, br with classes), everything else escaped
 * @param titleText       the title as plain text (tags taken out, entities decoded), for {@code <title>} and links
 * @param descriptionHtml the description through markdown ({@code markdownify}, as the theme's hero does) as
 *                        sanitized inline HTML, without the surrounding paragraph
 */
public record ResolvedPage(String title, String description, String heroImage, String heroImageCredit,
        Map<String, Object> frontMatter, String html, List<TocEntry> toc, String excerpt,
        List<ResolveProblem> problems, String titleHtml, String titleText, String descriptionHtml) {
}
