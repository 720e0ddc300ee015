package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import be.biodiversity.portal.content.resolve.ResolveProblem;
import be.biodiversity.portal.content.resolve.ResolvedPage;
import be.biodiversity.portal.content.resolve.TocEntry;

/**
 * A page as the API serves it: the source fields (what an editor edits; the v1 shape) plus the resolved form —
 * {@code html}, {@code toc}, {@code excerpt} at the top, and {@code resolved} with the front matter and the
 * header fields after Liquid and any {@code problems} found resolving it.
 */
record PageView(String id, String lang, String permalink, String translationKey, String title, String description,
        String heroImage, String heroImageCredit, String body, Map<String, Object> frontMatter, Long version,
        Instant updatedAt, String updatedBy, String kind, String layout, List<String> categories, Instant date,
        String status, String sourcePath, String html, List<TocEntry> toc, String excerpt, Resolved resolved) {

    /** The header fields and front matter after Liquid, and what went wrong resolving them and the body. */
    record Resolved(String title, String description, String heroImage, String heroImageCredit,
            Map<String, Object> frontMatter, List<ResolveProblem> problems, String titleHtml, String titleText,
            String descriptionHtml) {
    }

    /**
     * What anyone may see: without the editor's name ({@code updatedBy}), the file the page was imported from
     * ({@code sourcePath}) and the parser's own words in {@code resolved.problems} (the kind of problem, field and
     * line stay). Editors see the page as it is.
     */
    PageView forAnonymous() {
        List<ResolveProblem> problems = resolved.problems() == null ? List.of() : resolved.problems().stream()
                .map(p -> p.message() != null && (p.message().startsWith("Liquid error") || p.message().startsWith("Liquid:"))
                        ? new ResolveProblem(p.error(), p.field(), p.line(), p.error() ? "Liquid error" : "Liquid warning",
                                p.tag())
                        : p)
                .toList();
        return new PageView(id, lang, permalink, translationKey, title, description, heroImage, heroImageCredit, body,
                frontMatter, version, updatedAt, null, kind, layout, categories, date, status, null, html, toc,
                excerpt, new Resolved(resolved.title(), resolved.description(), resolved.heroImage(),
                        resolved.heroImageCredit(), resolved.frontMatter(), problems, resolved.titleHtml(),
                        resolved.titleText(), resolved.descriptionHtml()));
    }

    static PageView of(Page p, ResolvedPage r) {
        return new PageView(p.id(), p.lang(), p.permalink(), p.translationKey(), p.title(), p.description(),
                p.heroImage(), p.heroImageCredit(), p.body(), p.frontMatter(), p.version(), p.updatedAt(),
                p.updatedBy(), p.kind(), p.layout(), p.categories(), p.date(), p.status(), p.sourcePath(),
                r.html(), r.toc(), r.excerpt(), new Resolved(r.title(), r.description(), r.heroImage(),
                        r.heroImageCredit(), r.frontMatter(), r.problems(), r.titleHtml(), r.titleText(),
                        r.descriptionHtml()));
    }
}
