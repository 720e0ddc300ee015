package be.biodiversity.portal.content.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ResponseStatusException;

import be.biodiversity.portal.content.config.EditorProperties;

/** Tells an editor's {@code Authorization: Bearer <token>} from none (401) and a wrong one (403). */
@Component
public class EditorAuth {

    private final byte[] token;

    EditorAuth(EditorProperties properties) {
        this.token = StringUtils.hasText(properties.token())
                ? properties.token().getBytes(StandardCharsets.UTF_8) : null;
    }

    /** Null when the header carries the editor token, else the status and reason to refuse with. */
    ResponseStatusException refusal(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                    "This needs an editor token: Authorization: Bearer <token>");
        }
        if (token == null) {
            return new ResponseStatusException(HttpStatus.FORBIDDEN, "No editor token is configured (portal.editor.token)");
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, given) ? null
                : new ResponseStatusException(HttpStatus.FORBIDDEN, "The editor token is not valid");
    }

    /** For reads that show drafts: throws 401/403 unless the header carries the editor token. */
    public void require(String header) {
        ResponseStatusException refusal = refusal(header);
        if (refusal != null) {
            throw refusal;
        }
    }
}
