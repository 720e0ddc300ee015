package be.biodiversity.portal.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where kramdown (Jekyll's markdown) reads blocks differently from CommonMark, the markdown text is rewritten line
 * by line so that commonmark builds the blocks kramdown builds. Code (fenced) is left alone.
 * <ul>
 * <li>A block attribute list on a line of its own ({@code {: .box}}) belongs to the block just before it, or,
 * after a blank line, to the block just after it: the line is blanked and returned as a {@link BlockAttributes}
 * for the renderer to apply. An attribute definition ({@code {:name: .x}}) is blanked.</li>
 * <li>A block-level HTML element ({@code <div>}, {@code <ul>}, {@code <head>}, ...) is raw HTML up to its own
 * closing tag, blank lines included: the blank lines inside are dropped (CommonMark ends the HTML block at the
 * first, so a Liquid loop's empty lines made the rest an indented code block) and a blank line is put after the
 * closing tag, where kramdown goes on with markdown.</li>
 * <li>{@code markdown="1"} (or {@code "block"}) on such an element: its content is markdown; the opening and
 * closing tags are put in blocks of their own and the attribute is dropped.</li>
 * <li>A line holding only a span element ({@code <br>}, {@code <span ...>}, {@code <img ...>}) starts a paragraph in
 * kramdown, not an HTML block: it is prefixed with {@link #MARK}, which {@link #unmark} takes out of the HTML.</li>
 * </ul>
 */
public final class KramdownBlocks {

    /** Invisible marker (U+2060 WORD JOINER) kept out of the final HTML by {@link #unmark}. */
    public static final String MARK = "\u2060";

    /**
     * Attributes for the block that ends ({@code after}) or starts (not {@code after}) on {@code line} (0-based, in
     * {@link Prepared#markdown}), at or right of column {@code indent}.
     */
    public record BlockAttributes(int line, boolean after, int indent, String list) {
    }

    public record Prepared(String markdown, List<BlockAttributes> attributes) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern IAL = Pattern.compile("^( {0,3})\\{:(?!:)\\s*([^}]*)}\\s*$");
    private static final Pattern ALD = Pattern.compile("^ {0,3}\\{:[\\w-]+:[^}]*}\\s*$|^ {0,3}\\{::[^}]*/}\\s*$");
    private static final Pattern BLOCK_TAG = Pattern.compile("^ {0,3}<([A-Za-z][A-Za-z0-9]*)(\\s[^>]*)?>");
    private static final Pattern MARKDOWN_ATTRIBUTE = Pattern.compile(
            "\\s+markdown\\s*=\\s*(\"(1|block)\"|'(1|block)'|(1|block)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPAN_LINE = Pattern.compile(
            "^ {0,3}</?(br|span|a|img|i|b|em|strong|small|sup|sub|font|abbr|u|s|mark|label|code)\\b[^<>]*>\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCK_ELEMENTS = Set.of("div", "ul", "ol", "dl", "table", "section", "article",
            "aside", "header", "footer", "nav", "figure", "blockquote", "details", "head", "center", "form",
            "fieldset", "main");
    /** How far ahead the closing tag of an HTML element is looked for (lines). */
    private static final int MAX_ELEMENT_LINES = 5000;
    /** How many lines all the looks for closing tags of one text may read together: linear, whatever the text. */
    private static final int SCAN_BUDGET_FACTOR = 4;

    private KramdownBlocks() {
    }

    public static Prepared prepare(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return new Prepared(markdown == null ? "" : markdown, List.of());
        }
        String[] lines = markdown.split("\n", -1);
        List<String> out = new ArrayList<>(lines.length + 8);
        List<BlockAttributes> attributes = new ArrayList<>();
        String fence = null;
        int rawUntil = -1;
        java.util.Set<Integer> markdownClose = new java.util.HashSet<>(); // lines closing a markdown="1" element
        int[] budget = { SCAN_BUDGET_FACTOR * lines.length + MAX_ELEMENT_LINES };
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (fence != null) {
                out.add(line);
                if (line.strip().startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (i <= rawUntil) {
                if (!line.isBlank()) {
                    out.add(line);
                }
                if (i == rawUntil && i + 1 < lines.length && !lines[i + 1].isBlank()) {
                    out.add("");
                }
                continue;
            }
            if (markdownClose.contains(i)) {
                out.add("");
                out.add(line);
                out.add("");
                continue;
            }
            Matcher f = FENCE.matcher(line);
            if (f.find()) {
                fence = f.group(1).substring(0, 3);
                out.add(line);
                continue;
            }
            Matcher ial = IAL.matcher(line);
            if (ial.matches()) {
                boolean previousBlank = out.isEmpty() || out.get(out.size() - 1).isBlank();
                boolean nextBlank = i + 1 >= lines.length || lines[i + 1].isBlank();
                if (!previousBlank) {
                    attributes.add(new BlockAttributes(out.size() - 1, true, ial.group(1).length(), ial.group(2)));
                }
                else if (!nextBlank) {
                    attributes.add(new BlockAttributes(out.size() + 1, false, ial.group(1).length(), ial.group(2)));
                }
                out.add("");
                continue;
            }
            if (ALD.matcher(line).matches()) {
                out.add("");
                continue;
            }
            Matcher tag = BLOCK_TAG.matcher(line);
            if (tag.find() && BLOCK_ELEMENTS.contains(tag.group(1).toLowerCase(Locale.ROOT))) {
                String name = tag.group(1).toLowerCase(Locale.ROOT);
                int close = closingLine(lines, i, name, budget);
                Matcher md = MARKDOWN_ATTRIBUTE.matcher(tag.group());
                if (md.find()) {
                    String open = tag.group().substring(0, md.start()) + tag.group().substring(md.end());
                    String rest = line.substring(tag.end());
                    if (close == i) {
                        int at = rest.toLowerCase(Locale.ROOT).lastIndexOf("</" + name);
                        out.add(open);
                        out.add("");
                        out.add(rest.substring(0, at));
                        out.add("");
                        out.add(rest.substring(at));
                        out.add("");
                        continue;
                    }
                    out.add(open);
                    out.add("");
                    if (!rest.isBlank()) {
                        out.add(rest);
                    }
                    if (close > i) {
                        markdownClose.add(close);
                    }
                    continue;
                }
                if (close >= i) {
                    rawUntil = close;
                    i--; // the element's lines, this one included, go through the raw branch above
                    continue;
                }
            }
            if (SPAN_LINE.matcher(line).matches() && (out.isEmpty() || out.get(out.size() - 1).isBlank())) {
                out.add(MARK + line.stripLeading());
                continue;
            }
            out.add(line);
        }
        return new Prepared(String.join("\n", out), List.copyOf(attributes));
    }

    /**
     * The line holding the closing tag that matches the element opened on line {@code start}, counting nested
     * elements of the same name; -1 when there is none close enough or the text's scan budget is spent.
     */
    static int closingLine(String[] lines, int start, String name, int[] budget) {
        Pattern tags = Pattern.compile("<(/?)" + name + "(?=[\\s>/])", Pattern.CASE_INSENSITIVE);
        int depth = 0;
        for (int i = start; i < lines.length && i - start < MAX_ELEMENT_LINES && budget[0]-- > 0; i++) {
            Matcher m = tags.matcher(lines[i]);
            while (m.find()) {
                depth += m.group(1).isEmpty() ? 1 : -1;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The HTML without the markers {@link #prepare} put in. */
    public static String unmark(String html) {
        return html.contains(MARK) ? html.replace(MARK, "") : html;
    }
}
