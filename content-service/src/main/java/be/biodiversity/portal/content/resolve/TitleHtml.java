package be.biodiversity.portal.content.resolve;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * A title as the theme prints it ({@code {{ page.title }}} in a heading, so its HTML counts): hosted-portal sites
 * colour a word with {@code <span class="is-green">}. The harmless inline elements are kept, everything else
 * escaped or removed; and the title as plain text for {@code <title>}, feeds and links.
 */
final class TitleHtml {

    private static final PolicyFactory INLINE = new HtmlPolicyBuilder()
            .allowElements("span", "em", "strong", "i", "b", "small", "sup", "sub", "mark", "br")
            .allowAttributes("class").matching(Pattern.compile("[A-Za-z0-9 _-]{1,200}")).globally()
            .toFactory();

    private static final PolicyFactory TEXT = new HtmlPolicyBuilder().toFactory();

    private TitleHtml() {
    }

    static String html(String title) {
        return title == null ? null : INLINE.sanitize(title);
    }

    static String text(String title) {
        return title == null ? null : HtmlUtils.htmlUnescape(TEXT.sanitize(title.replaceAll("(?i)<br\\s*/?>", " "))).strip();
    }
}
