package be.biodiversity.portal.content.resolve;

import java.util.List;
import java.util.Map;

/**
 * A page as a visitor sees it: Liquid evaluated in the front matter and the body, the body as sanitized HTML.
 *
 * @param frontMatter every front-matter value with its Liquid evaluated
 * @param excerpt     the text of the first paragraph, as Jekyll's {@code page.excerpt}
 */
public record ResolvedPage(String title, String description, String heroImage, String heroImageCredit,
        Map<String, Object> frontMatter, String html, List<TocEntry> toc, String excerpt,
        List<ResolveProblem> problems) {
}
