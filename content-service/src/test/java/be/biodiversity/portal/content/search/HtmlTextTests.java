package be.biodiversity.portal.content.search;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.content.RandomTexts;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTests {

    @Test
    void tagsDropEntitiesDecodeAndSpacesCollapse() {
        assertThat(HtmlText.of("<h2 id=\"a\">Écologie</h2>\n<p>Bos &amp; <em>heide</em>&nbsp;&#233;t&#xE9;</p>"))
                .isEqualTo("Écologie Bos & heide été");
    }

    @Test
    void scriptsAndBrokenMarkupLeaveNoText() {
        assertThat(HtmlText.of("<p>a</p><script>secret()</script><p>b</p>")).isEqualTo("a b");
        assertThat(HtmlText.of("a &bogus; &#0; <unclosed")).isEqualTo("a &bogus; &#0;");
        assertThat(HtmlText.of(null)).isEmpty();
    }

    @Test
    void entitiesThatAreSpacesCollapseWithTheRestAndAstralCharactersStayWhole() {
        assertThat(HtmlText.of(" \t<p> a&nbsp; &#32;b&#x1F600;&#x2003;c\u2003d </p>\n"))
                .isEqualTo("a b\uD83D\uDE00\u2003c d");
    }

    /** The single pass reads as the two passes over a StringBuilder did (kept below as the reference). */
    @Test
    void readsAsTheTwoPassVersionOnRandomMarkup() {
        List<String> pieces = List.of("a", "B", "é", "\u0416", "\uD83C\uDF3F", " ", "  ", "\n", "\t", "\u00A0", "\u2003",
                "<p>", "</p>", "<h2 id=\"x\">", "<br/>", "<", ">", "</", "<script>", "</script>", "<STYLE>", "</style>",
                "<template>", "&", ";", "&amp;", "&nbsp;", "&#233;", "&#xE9;", "&#x1F600;", "&#0;", "&#10;", "&#xD800;",
                "&bogus;", "&#xZZ;", "&lt;", "#", "x");
        Random random = new Random(19);
        for (int i = 0; i < 100_000; i++) {
            String html = RandomTexts.of(random, pieces, random.nextInt(24));
            assertThat(HtmlText.of(html)).as("'%s'", html).isEqualTo(Reference.of(html));
        }
    }

    /** HtmlText as it was before the single pass: text into a StringBuilder, then its spaces collapsed. */
    private static final class Reference {

        static String of(String html) {
            StringBuilder text = new StringBuilder();
            int i = 0;
            while (i < html.length()) {
                char c = html.charAt(i);
                if (c == '<') {
                    int close = html.indexOf('>', i + 1);
                    if (close < 0) {
                        break;
                    }
                    boolean closing = i + 1 < close && html.charAt(i + 1) == '/';
                    int start = closing ? i + 2 : i + 1;
                    int end = start;
                    while (end < close && Character.isLetterOrDigit(html.charAt(end))) {
                        end++;
                    }
                    String name = html.substring(start, end).toLowerCase(java.util.Locale.ROOT);
                    text.append(' ');
                    i = close + 1;
                    if (!closing && List.of("script", "style", "template").contains(name)) {
                        int skipTo = html.toLowerCase(java.util.Locale.ROOT).indexOf("</" + name, i);
                        i = skipTo < 0 ? html.length() : skipTo;
                    }
                }
                else if (c == '&') {
                    int semi = html.indexOf(';', i);
                    int code = semi < 0 || semi - i > 10 ? -1 : code(html.substring(i + 1, semi));
                    if (code < 0) {
                        text.append('&');
                        i++;
                    }
                    else {
                        text.appendCodePoint(code);
                        i = semi + 1;
                    }
                }
                else {
                    text.append(Character.isWhitespace(c) ? ' ' : c);
                    i++;
                }
            }
            String collapsed = text.toString().replaceAll(" +", " ");
            collapsed = collapsed.startsWith(" ") ? collapsed.substring(1) : collapsed;
            return collapsed.endsWith(" ") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
        }

        private static final java.util.Map<String, Integer> NAMED = java.util.Map.of("amp", (int) '&', "lt",
                (int) '<', "gt", (int) '>', "quot", (int) '"', "apos", (int) '\'', "nbsp", (int) ' ');

        private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("#(?:[xX](.+)|(.+))");

        private static int code(String name) {
            if (NAMED.containsKey(name)) {
                return NAMED.get(name);
            }
            java.util.regex.Matcher numeric = NUMERIC.matcher(name);
            long code;
            try {
                code = !numeric.matches() ? -1 : numeric.group(1) != null ? Long.parseLong(numeric.group(1), 16)
                        : Long.parseLong(numeric.group(2));
            }
            catch (NumberFormatException ex) {
                return -1;
            }
            return code > 0 && Character.isValidCodePoint((int) code) && code == (int) code
                    && !Character.isISOControl((int) code) && Character.getType((int) code) != Character.SURROGATE
                    ? (int) code : -1;
        }
    }
}
