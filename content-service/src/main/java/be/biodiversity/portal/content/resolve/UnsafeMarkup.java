package be.biodiversity.portal.content.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markup an attacker would use: script, iframe, object and embed elements, event handler attributes, and
 * {@code javascript:} / {@code vbscript:} / {@code data:text/html} URLs.
 * <ul>
 * <li>{@link #findRefused}: script URLs, which a page write is refused for (400 with the line);</li>
 * <li>{@link #removals}: everything the page's sanitizing removes, with its line (scripts, handlers, iframes from
 * hosts not allowed, objects, embeds, script URLs), for {@code resolved.problems} and the import's report;</li>
 * <li>{@link #find}: the first of any of them (data files, which are never rendered as HTML, refuse them all).</li>
 * </ul>
 */
public final class UnsafeMarkup {

    /**
     * An event handler is {@code on...=} after whitespace, {@code /} ({@code <svg/onload=}) or a quote, within
     * 2000 characters of its tag's name and before any other {@code <} or {@code >}: bounded and possessive, so
     * the search is linear in the text (an unbounded {@code [^>]*} takes quadratic time on {@code <a<a<a...}).
     */
    private static final Pattern UNSAFE = Pattern.compile(
            "(?i)<\\s*+(script|iframe|object|embed)\\b|<[a-z][^<>]{0,2000}?[\\s/\"']on[a-z]++\\s*+="
                    + "|(javascript|vbscript)\\s*+:|data\\s*+:\\s*+text/html");

    private static final Pattern SCRIPT_URL = Pattern.compile("(?i)(javascript|vbscript)\\s*+:|data\\s*+:\\s*+text/html");

    /** The same alternatives as {@link #UNSAFE}, each its own group, the iframe with its tag (bounded). */
    private static final Pattern PARTS = Pattern.compile(
            "(?i)(<\\s*+(?:script|object|embed|applet)\\b)|(<\\s*+iframe\\b[^<>]{0,2000}+)"
                    + "|(<[a-z][^<>]{0,2000}?[\\s/\"'](on[a-z]++)\\s*+=)"
                    + "|((?:javascript|vbscript)\\s*+:|data\\s*+:\\s*+text/html)");

    private static final Pattern SRC = Pattern.compile("(?i)\\ssrc\\s*+=\\s*+(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]++))");

    /**
     * One piece of markup the sanitizing removes.
     *
     * @param line    1-based line in the text given
     * @param markup  what it is: {@code <script>}, {@code onclick}, {@code <iframe src="...">}, {@code javascript:}
     * @param message for a report: what was removed and why
     */
    public record Removal(int line, String markup, String message) {
    }

    private UnsafeMarkup() {
    }

    /** "line n: what" of the first script URL ({@code javascript:}, ...): a page write holding one is refused. */
    public static Optional<String> findRefused(String text) {
        if (text == null || !Clues.any(text)) {
            return Optional.empty();
        }
        Matcher m = SCRIPT_URL.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of("line " + lineOf(text, m.start()) + ": unsafe URL '" + m.group().strip()
                + "' (javascript:, vbscript: and data:text/html URLs are not accepted)");
    }

    /**
     * Every piece of markup the page's sanitizing removes from this text, in order, with its line; an iframe whose
     * {@code src} {@code frameAllowed} accepts is kept and not listed. Linear in the text.
     */
    public static List<Removal> removals(String text, Predicate<String> frameAllowed) {
        List<Removal> removals = new ArrayList<>();
        if (text == null || !Clues.any(text)) {
            return removals;
        }
        Matcher m = PARTS.matcher(text);
        int line = 1;
        int counted = 0;
        while (m.find()) {
            for (; counted < m.start(); counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                }
            }
            if (m.group(1) != null) {
                String tag = m.group(1).replaceAll("[<\\s]", "").toLowerCase(java.util.Locale.ROOT);
                removals.add(new Removal(line, "<" + tag + ">", "<" + tag + "> removed (pages run no scripts or plug-ins)"));
            }
            else if (m.group(2) != null) {
                Matcher src = SRC.matcher(m.group(2));
                String url = !src.find() ? null
                        : src.group(1) != null ? src.group(1) : src.group(2) != null ? src.group(2) : src.group(3);
                if (url == null || !frameAllowed.test(url)) {
                    removals.add(new Removal(line, "<iframe src=\"" + (url == null ? "" : url) + "\">",
                            "<iframe> from " + (url == null ? "no address" : "'" + url + "'")
                                    + " removed (only frames from the allowed hosts are kept)"));
                }
            }
            else if (m.group(3) != null) {
                String handler = m.group(4).toLowerCase(java.util.Locale.ROOT);
                removals.add(new Removal(line, handler, "event handler '" + handler + "' removed (pages run no scripts)"));
            }
            else {
                String url = m.group(5).replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT);
                removals.add(new Removal(line, url, "'" + url + "' link removed (script URLs are not followed)"));
            }
        }
        return removals;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** "line n: what" of the first unsafe markup, if any. */
    public static Optional<String> find(String text) {
        if (text == null || !Clues.any(text)) {
            return Optional.empty();
        }
        Matcher m = UNSAFE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return Optional.of("line " + line + ": unsafe markup '" + m.group().strip()
                + "' (scripts, iframes, event handlers and javascript: URLs are not accepted)");
    }
}
