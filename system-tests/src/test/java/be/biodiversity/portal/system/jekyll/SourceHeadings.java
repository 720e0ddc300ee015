package be.biodiversity.portal.system.jekyll;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings a page's markdown declares, as text a visitor reads: ATX ({@code ## Title}, a space after the hashes
 * as kramdown's GFM parser wants) and setext ({@code Title} over {@code ===} or {@code ---}) lines outside fenced and
 * indented code, with links, images, emphasis, code marks, HTML tags and kramdown's {@code {#id}}/{@code {: …}}
 * removed. A heading with Liquid in it is left out: its text is only known once resolved.
 */
public final class SourceHeadings {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)[ \\t]*#*[ \\t]*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    /** @param level 1 to 6 */
    public record Heading(int level, String text) {
    }

    private SourceHeadings() {
    }

    public static List<Heading> of(String markdown) {
        List<Heading> headings = new ArrayList<>();
        String[] lines = markdown.split("\\r?\\n", -1);
        String fence = null;
        boolean previousBlank = true;
        String paragraph = null;
        for (String line : lines) {
            if (fence != null) {
                if (line.strip().startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            Matcher f = FENCE.matcher(line);
            if (f.find()) {
                fence = f.group(1);
                paragraph = null;
                continue;
            }
            if (previousBlank && (line.startsWith("    ") || line.startsWith("\t"))) {
                continue;
            }
            Matcher atx = ATX.matcher(line);
            Matcher setext = SETEXT.matcher(line);
            if (atx.matches()) {
                add(headings, atx.group(1).length(), atx.group(2));
                paragraph = null;
            }
            else if (paragraph != null && setext.matches()) {
                add(headings, setext.group(1).startsWith("=") ? 1 : 2, paragraph);
                paragraph = null;
            }
            else if (line.isBlank()) {
                paragraph = null;
            }
            else {
                boolean plain = !line.startsWith("<") && !line.startsWith("{") && !line.matches("^\\s*([-*+>|]|\\d+\\.).*");
                paragraph = paragraph == null && plain ? line.strip() : null;
            }
            previousBlank = line.isBlank();
        }
        return headings;
    }

    private static void add(List<Heading> headings, int level, String raw) {
        if (raw.contains("{{") || raw.contains("{%")) {
            return;
        }
        String text = text(raw);
        if (!text.isEmpty()) {
            headings.add(new Heading(level, text));
        }
    }

    /** A heading's markdown as the text it shows. */
    static String text(String raw) {
        return raw.replaceAll("\\{:?\\s*[#.:][^}]*}\\s*$", "")
                .replaceAll("\\{:[^}]*}", "")
                .replaceAll("!\\[([^\\]]*)]\\([^)]*\\)", "")
                .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("\\[([^\\]]*)]\\[[^\\]]*]", "$1")
                .replaceAll("<[^>]+>", "")
                .replaceAll("(\\*\\*|__)(.+?)\\1", "$2")
                .replaceAll("(?<![\\w*])[*_](\\S(?:.*?\\S)?)[*_](?![\\w*])", "$1")
                .replaceAll("`+", "")
                .replace("&amp;", "&").replace("&nbsp;", " ")
                .replaceAll("\\s+", " ").strip();
    }
}
