package be.biodiversity.portal.editor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

/**
 * Tells which editor a bearer token belongs to. Only SHA-256 digests of the configured tokens are kept, and the
 * presented token is compared as a digest too: every comparison is of 32 bytes, in constant time
 * ({@link MessageDigest#isEqual}), against every editor without stopping at a match, so neither the length of a
 * token nor how much of it was right nor which editor matched shows in the time of the answer.
 */
final class EditorTokens implements ReactiveAuthenticationManager {

    private record Known(Editor editor, byte[] digest) {
    }

    private final List<Known> editors;

    EditorTokens(EditorProperties properties) {
        Map<String, String> byName = properties.editors();
        this.editors = byName.entrySet().stream()
                .map(e -> new Known(new Editor(e.getKey()), digest(e.getValue())))
                .toList();
        long distinct = editors.stream().map(k -> new String(k.digest(), StandardCharsets.ISO_8859_1)).distinct()
                .count();
        if (distinct != editors.size()) {
            throw new IllegalStateException("Two editors share a token (portal.editor.tokens): give each its own");
        }
    }

    /** Whether any editor can write; without one, every write is refused. */
    boolean any() {
        return !editors.isEmpty();
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        return Mono.fromCallable(() -> {
            byte[] presented = digest(String.valueOf(authentication.getCredentials()));
            Editor match = null;
            for (Known known : editors) {
                if (MessageDigest.isEqual(known.digest(), presented)) {
                    match = known.editor();
                }
            }
            if (match == null) {
                throw new BadCredentialsException("The bearer token is not an editor's");
            }
            return new EditorAuthentication(match);
        });
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
