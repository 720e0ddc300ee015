package be.biodiversity.portal.editor;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated as one editor. */
final class EditorAuthentication extends AbstractAuthenticationToken {

    static final String ROLE = "ROLE_EDITOR";

    private final Editor editor;

    EditorAuthentication(Editor editor) {
        super(List.of(new SimpleGrantedAuthority(ROLE)));
        this.editor = editor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Editor getPrincipal() {
        return editor;
    }

    @Override
    public String getName() {
        return editor.name();
    }
}
