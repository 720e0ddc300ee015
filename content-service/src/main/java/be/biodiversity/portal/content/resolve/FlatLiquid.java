package be.biodiversity.portal.content.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A text whose Liquid is flat — outputs ({@code {{ site.title }}}) and tags that hold no text of their own
 * ({@code include}, {@code include_relative}, {@code assign}), no blocks, no whitespace control — cut into its plain
 * text and its Liquid. liqp's lexer makes a token of every character of plain text: a 2,500-character page with one
 * {@code {{ site.title }}} took about half a millisecond to parse, 60 times its Liquid alone, most of an import's
 * checks. For such a text only the Liquid is given to liqp, as one template with {@link #SEPARATOR} between the
 * pieces (so an {@code assign} still reaches the outputs after it), and the plain text is put back around what it
 * rendered: the same output, as liqp appends plain text unchanged. Anything else is not flat and goes to liqp whole.
 */
final class FlatLiquid {

    /** Between the pieces of the template; a text that holds it is not flat, a piece that renders it fails. */
    static final char SEPARATOR = '\u001F';

    private static final Set<String> TAGS = Set.of("include", "include_relative", "assign");

    /**
     * @param texts    the plain text around the pieces: one more than {@code pieces}
     * @param template the pieces joined by {@link #SEPARATOR}, for liqp
     */
    record Split(List<String> texts, int pieces, String template) {

        /** The characters of plain text liqp would have appended, and in how many appends (one per non-empty run). */
        long plainLength() {
            return texts.stream().mapToLong(String::length).sum();
        }

        long plainRuns() {
            return texts.stream().filter(t -> !t.isEmpty()).count();
        }

        /** The text with each piece replaced by what it rendered; empty when the rendering is not one per piece. */
        Optional<String> assemble(String rendered) {
            List<String> outputs = new ArrayList<>(pieces);
            int from = 0;
            for (int i = rendered.indexOf(SEPARATOR); i >= 0; i = rendered.indexOf(SEPARATOR, from)) {
                outputs.add(rendered.substring(from, i));
                from = i + 1;
            }
            outputs.add(rendered.substring(from));
            if (outputs.size() != pieces) {
                return Optional.empty();
            }
            StringBuilder out = new StringBuilder(rendered.length() + (int) plainLength());
            for (int i = 0; i < pieces; i++) {
                out.append(texts.get(i)).append(outputs.get(i));
            }
            return Optional.of(out.append(texts.get(pieces)).toString());
        }
    }

    private FlatLiquid() {
    }

    /** The text cut into plain text and Liquid, or empty when its Liquid is not flat (or it has none). */
    static Optional<Split> split(String text) {
        if (text == null || text.indexOf(SEPARATOR) >= 0) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        StringBuilder template = new StringBuilder();
        int pieces = 0;
        int from = 0;
        while (true) {
            int start = next(text, from);
            if (start < 0) {
                break;
            }
            boolean output = text.charAt(start + 1) == '{';
            int end = text.indexOf(output ? "}}" : "%}", start + 2);
            if (end < 0) {
                return Optional.empty();
            }
            String inner = text.substring(start + 2, end);
            if (!flat(inner, output)) {
                return Optional.empty();
            }
            texts.add(text.substring(from, start));
            if (pieces > 0) {
                template.append(SEPARATOR);
            }
            template.append(text, start, end + 2);
            pieces++;
            from = end + 2;
        }
        if (pieces == 0) {
            return Optional.empty();
        }
        texts.add(text.substring(from));
        return Optional.of(new Split(List.copyOf(texts), pieces, template.toString()));
    }

    /** Where the next {@code {{} or {@code {%} starts, or -1. */
    private static int next(String text, int from) {
        for (int i = text.indexOf('{', from); i >= 0 && i + 1 < text.length(); i = text.indexOf('{', i + 1)) {
            char c = text.charAt(i + 1);
            if (c == '{' || c == '%') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Liquid whose extent is certain and which holds no text: no braces inside and quotes balanced (a string that
     * holds {@code }}} or {@code %}} would have ended it early), no whitespace control ({@code -} strips the plain
     * text next to it), and for a tag one of {@link #TAGS}.
     */
    private static boolean flat(String inner, boolean output) {
        if (inner.startsWith("-") || inner.endsWith("-") || inner.indexOf('{') >= 0 || inner.indexOf('}') >= 0
                || count(inner, '\'') % 2 != 0 || count(inner, '"') % 2 != 0) {
            return false;
        }
        if (output) {
            return !inner.isBlank();
        }
        String name = inner.strip().split("\\s+", 2)[0];
        return TAGS.contains(name);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
