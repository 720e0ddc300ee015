package be.biodiversity.portal.content.jekyll;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import be.biodiversity.portal.content.page.NewPage;

/** Copies of an imported page with one thing changed. */
final class ImportedPages {

    private ImportedPages() {
    }

    /** The page with what {@code stripper} removes taken out of its body and the text fields shown with it. */
    record Stripped(NewPage page, List<String> removed, Integer firstLine) {
    }

    static Stripped strip(NewPage page, Function<String, MarkupStripper.Result> stripper) {
        List<String> removed = new ArrayList<>();
        MarkupStripper.Result body = apply(page.body(), stripper, removed, "body ");
        String description = field(page.description(), stripper, removed, "description");
        String hero = field(page.heroImage(), stripper, removed, "background");
        String credit = field(page.heroImageCredit(), stripper, removed, "imageLicense");
        NewPage stripped = new NewPage(page.lang(), page.permalink(), page.translationKey(), page.title(), description,
                hero, credit, body == null ? null : body.text(), page.frontMatter(), page.kind(), page.layout(),
                page.categories(), page.date(), page.status());
        return new Stripped(stripped, removed, body == null ? null : body.firstLine());
    }

    /** The same page in another language: the rules are checked language apart (the site's own are checked first). */
    static NewPage inLanguage(NewPage page, String lang) {
        return new NewPage(lang, page.permalink(), page.translationKey(), page.title(), page.description(),
                page.heroImage(), page.heroImageCredit(), page.body(), page.frontMatter(), page.kind(), page.layout(),
                page.categories(), page.date(), page.status());
    }

    private static String field(String text, Function<String, MarkupStripper.Result> stripper, List<String> removed,
            String name) {
        MarkupStripper.Result result = apply(text, stripper, removed, name + " ");
        return result == null ? null : result.text();
    }

    private static MarkupStripper.Result apply(String text, Function<String, MarkupStripper.Result> stripper,
            List<String> removed, String prefix) {
        if (text == null) {
            return null;
        }
        MarkupStripper.Result result = stripper.apply(text);
        result.removed().forEach(r -> removed.add(prefix + r));
        return result;
    }
}
