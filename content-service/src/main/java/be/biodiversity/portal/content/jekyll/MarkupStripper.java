package be.biodiversity.portal.content.jekyll;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes from an imported page what the portal does not publish: {@code <script>}, {@code <object>} and
 * {@code <embed>} elements, event-handler attributes ({@code onclick=}) and {@code javascript:}/{@code vbscript:}/
 * {@code data:text/html} URLs — and, only when the page rules still refuse the result, {@code <iframe>} elements (the
 * markup policy may allow some). Each removal is listed with its line, for the import report. The patterns are
 * bounded (no nested unbounded repetition), so a hostile file cannot make them slow.
 */
final class MarkupStripper {

    private static final Pattern ACTIVE = Pattern.compile(
            "(?is)<\\s*+(script|object|embed)\\b[^>]{0,4000}+>.*?<\\s*+/\\s*+\\1\\s*+>|<\\s*+/?\\s*+(script|object|embed)\\b[^>]{0,4000}+>?");
    private static final Pattern FRAME = Pattern.compile(
            "(?is)<\\s*+iframe\\b[^>]{0,4000}+>.*?<\\s*+/\\s*+iframe\\s*+>|<\\s*+/?\\s*+iframe\\b[^>]{0,4000}+>?");
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^<>]{0,4000}+>");
    private static final Pattern HANDLER = Pattern.compile(
            "(?i)(?<=[\\s/\"'])on[a-z]++\\s*+=\\s*+(\"[^\"]*+\"|'[^']*+'|[^\\s>]++)");
    private static final Pattern SCRIPT_URL = Pattern.compile("(?i)(javascript|vbscript)(\\s*+):|data(\\s*+):(\\s*+)text/html");

    /** The text without the removed markup, and what was removed ("line 3: <script>"). */
    record Result(String text, List<String> removed, Integer firstLine) {

        boolean changed() {
            return !removed.isEmpty();
        }
    }

    private MarkupStripper() {
    }

    static Result active(String text) {
        List<Found> found = new ArrayList<>();
        String result = remove(text, ACTIVE, found, m -> "<" + (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase() + ">");
        result = handlers(result, text, found);
        result = scriptUrls(result, text, found);
        return result(result, found);
    }

    static Result frames(String text) {
        List<Found> found = new ArrayList<>();
        return result(remove(text, FRAME, found, m -> "<iframe>"), found);
    }

    private record Found(int line, String what) {
    }

    private static Result result(String text, List<Found> found) {
        return new Result(text, found.stream().map(f -> "line " + f.line() + ": " + f.what()).toList(),
                found.isEmpty() ? null : found.stream().mapToInt(Found::line).min().getAsInt());
    }

    private static String remove(String text, Pattern pattern, List<Found> found,
            java.util.function.Function<Matcher, String> name) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            found.add(new Found(line(text, m.start()), name.apply(m)));
            out.append(text, last, m.start());
            last = m.end();
        }
        return found.isEmpty() && last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static String handlers(String text, String original, List<Found> found) {
        Matcher tag = TAG.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (tag.find()) {
            Matcher handler = HANDLER.matcher(tag.group());
            if (!handler.find()) {
                continue;
            }
            String cleaned = HANDLER.matcher(tag.group()).replaceAll("");
            do {
                found.add(new Found(lineOf(original, tag.group()), handler.group().replaceAll("\\s*+=.*", "") + " handler"));
            } while (handler.find());
            out.append(text, last, tag.start()).append(cleaned);
            last = tag.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static String scriptUrls(String text, String original, List<Found> found) {
        Matcher m = SCRIPT_URL.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            found.add(new Found(lineOf(original, m.group()), m.group().toLowerCase() + " URL"));
            // the text stays readable; as a URL it no longer runs anything
            out.append(text, last, m.start()).append(m.group(1) != null ? m.group(1) + m.group(2) + "&#58;"
                    : "data" + m.group(3) + "&#58;" + m.group(4) + "text/html");
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineOf(String original, String needle) {
        int at = original.indexOf(needle);
        return at < 0 ? 1 : line(original, at);
    }
}
