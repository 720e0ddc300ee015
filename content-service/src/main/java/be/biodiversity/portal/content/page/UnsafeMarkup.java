package be.biodiversity.portal.content.page;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markup no page of the site needs and an attacker would: script, iframe, object and embed elements, event
 * handler attributes, and {@code javascript:} / {@code vbscript:} / {@code data:text/html} URLs. A write holding
 * any of them is refused with the line, so the editor learns what the sanitizer would silently have removed.
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

    private UnsafeMarkup() {
    }

    /** "line n: what" of the first unsafe markup, if any. */
    public static Optional<String> find(String text) {
        if (text == null) {
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
