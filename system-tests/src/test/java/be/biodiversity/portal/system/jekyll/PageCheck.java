package be.biodiversity.portal.system.jekyll;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One page of the portal checked against its source as a visitor reads it: a {@code <title>}, an h1 (one, or as many
 * more as the source's own level-1 headings), the source's markdown headings shown as headings, and no source left in
 * the visible text ({@link VisibleText}). What Jekyll's own build of the page shows the same way (a heading it does not
 * show either, text its kramdown left raw too) is the site's, not the portal's.
 *
 * @param wrong   what the portal gets wrong
 * @param siteOwn what the site itself has (Jekyll shows it the same way)
 * @param headings how many source headings were looked for
 */
public record PageCheck(List<String> wrong, List<String> siteOwn, int headings) {

    public static PageCheck of(PublishedPage page, String html, Optional<String> jekyllHtml) {
        List<String> wrong = new ArrayList<>();
        List<String> own = new ArrayList<>();
        if (VisibleText.title(html).isEmpty()) {
            wrong.add("no <title>");
        }
        List<SourceHeadings.Heading> headings = page.markdown() ? SourceHeadings.of(page.body()) : List.of();
        long sourceH1 = headings.stream().filter(h -> h.level() == 1).count();
        int h1 = VisibleText.h1Count(html);
        if (h1 == 0 || h1 > 1 + sourceH1) {
            wrong.add(h1 + " h1 (the source has " + sourceH1 + " of its own)");
        }
        List<String> shown = VisibleText.headings(html).stream().map(PageCheck::comparable).toList();
        List<String> shownByJekyll = jekyllHtml.map(VisibleText::headings).orElse(List.of()).stream()
                .map(PageCheck::comparable).toList();
        for (SourceHeadings.Heading heading : headings) {
            String text = comparable(heading.text());
            if (jekyllHtml.isPresent() && shownByJekyll.stream().noneMatch(s -> s.contains(text))) {
                own.add("heading not shown by Jekyll either: " + heading.text());
            }
            else if (shown.stream().noneMatch(s -> s.contains(text))) {
                wrong.add("heading missing: h" + heading.level() + " " + heading.text());
            }
        }
        Set<String> jekyllLeftovers = jekyllHtml.map(VisibleText::leftovers).orElse(Set.of());
        for (String leftover : VisibleText.leftovers(html)) {
            if (jekyllLeftovers.contains(leftover)) {
                own.add(leftover + " (left by Jekyll too)");
            }
            else {
                wrong.add(leftover);
            }
        }
        return new PageCheck(List.copyOf(wrong), List.copyOf(own), headings.size());
    }

    /** Text as both sides can be compared: typographic quotes and dashes as kramdown makes them, case, spaces. */
    static String comparable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[‘’]", "'").replaceAll("[“”«»]", "\"")
                .replace("–", "--").replace("—", "---").replace("…", "...").replace('\u00a0', ' ')
                .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
