package be.biodiversity.portal.editor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Who may write: each editor by name with the bearer token it sends.
 *
 * @param token  the token of the editor named {@value #DEFAULT_EDITOR} ({@code PORTAL_EDITOR_TOKEN}); blank: none
 * @param tokens more editors, {@code portal.editor.tokens.<name>=<token>}; blank tokens are ignored
 */
@ConfigurationProperties("portal.editor")
public record EditorProperties(String token, Map<String, String> tokens) {

    /** The name under which {@code portal.editor.token} writes. */
    public static final String DEFAULT_EDITOR = "editor";

    public EditorProperties {
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    }

    /** Every editor with a token, by name; the single {@code token} as {@value #DEFAULT_EDITOR}. */
    Map<String, String> editors() {
        Map<String, String> editors = new LinkedHashMap<>();
        if (StringUtils.hasText(token)) {
            editors.put(DEFAULT_EDITOR, token.strip());
        }
        tokens.forEach((name, value) -> {
            if (StringUtils.hasText(value)) {
                String previous = editors.putIfAbsent(name.strip(), value.strip());
                if (previous != null && !previous.equals(value.strip())) {
                    throw new IllegalStateException("Editor '" + name + "' has two tokens: portal.editor.token "
                            + "and portal.editor.tokens." + name + "; keep one");
                }
            }
        });
        return editors;
    }
}
