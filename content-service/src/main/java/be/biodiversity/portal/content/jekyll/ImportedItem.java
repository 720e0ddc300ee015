package be.biodiversity.portal.content.jekyll;

import java.util.List;

import be.biodiversity.portal.content.page.NewPage;

/**
 * A page or post read from the repository.
 *
 * @param hash     fingerprint of the file and of the settings that shaped it
 * @param text     the file's text, to point problems at lines; null once they are reported ({@link #withoutText})
 * @param bodyLine the file line the body starts on
 * @param aliases  other paths Jekyll hosting answers with this page: {@code /data} for {@code /data.html}
 */
record ImportedItem(NewPage page, String path, String hash, String text, int bodyLine, List<String> aliases) {

    ImportedItem(NewPage page, String path, String hash, String text, int bodyLine) {
        this(page, path, hash, text, bodyLine, Permalinks.aliases(page.permalink()));
    }

    /**
     * The item as the writer needs it: without the file's text, which only the checks read. A 5,000-page import
     * kept some 13 MB of text through its writes, and the heap's collector had to walk it again and again.
     */
    ImportedItem withoutText() {
        return new ImportedItem(page, path, hash, null, bodyLine, aliases);
    }

    /** The line of a front-matter key ({@code lang-ref:}), or null when it came from the defaults (or is not known). */
    Integer lineOf(String key) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < Math.min(lines.length, bodyLine); i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return null;
    }

    /** The first line of the body holding {@code needle}, as a file line. */
    Integer bodyLineOf(String needle) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        for (int i = bodyLine - 1; i < lines.length; i++) {
            if (i >= 0 && lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return null;
    }
}
