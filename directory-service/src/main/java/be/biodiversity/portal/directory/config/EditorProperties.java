package be.biodiversity.portal.directory.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Who may write to the directory.
 *
 * @param token the bearer token that allows writes ({@code PORTAL_EDITOR_TOKEN}); blank refuses
 *                    every write
 */
@ConfigurationProperties("portal.editor")
public record EditorProperties(String token) {

    public boolean configured() {
        return StringUtils.hasText(token);
    }
}
