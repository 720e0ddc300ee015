package be.biodiversity.portal.editor;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A token as the request presented it, not yet checked. */
final class BearerToken extends AbstractAuthenticationToken {

    private final String token;

    BearerToken(String token) {
        super(List.of());
        this.token = token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }

    /** Never the token itself: an Authentication can end up in a log line. */
    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }
}
