package be.biodiversity.portal.content.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param token the secret an editor sends as {@code Authorization: Bearer ...}; blank refuses every write */
@ConfigurationProperties("portal.editor")
public record EditorProperties(String token) {
}
