package be.biodiversity.portal.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The security headers every answer of the gateway carries, by name, as configured under
 * {@code portal.security-headers.*} (an empty value leaves a header out).
 */
@Component
public class SecurityHeaders {

    private final Map<String, String> headers;

    private final Map<String, String> sandboxed;

    SecurityHeaders(SecurityHeadersProperties properties) {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "Content-Security-Policy", properties.contentSecurityPolicy());
        put(headers, "Strict-Transport-Security", properties.strictTransportSecurity());
        put(headers, "X-Content-Type-Options", "nosniff");
        put(headers, "Referrer-Policy", properties.referrerPolicy());
        put(headers, "X-Frame-Options", "DENY");
        put(headers, "Permissions-Policy", properties.permissionsPolicy());
        this.headers = Map.copyOf(headers);
        // A file of the site (an SVG, an HTML file) opened on its own is a document of our origin: sandboxed, so a
        // script in it never runs here (on an image or stylesheet the header has no effect).
        Map<String, String> files = new LinkedHashMap<>(headers);
        String policy = properties.contentSecurityPolicy();
        files.put("Content-Security-Policy", policy == null || policy.isBlank() ? "sandbox" : policy.strip() + "; sandbox");
        this.sandboxed = Map.copyOf(files);
    }

    public Map<String, String> all() {
        return this.headers;
    }

    /** The headers of an answer with a file of the site ({@code RequestClass#isSiteFile()}): CSP {@code sandbox}. */
    public Map<String, String> siteFile() {
        return this.sandboxed;
    }

    public Map<String, String> of(boolean siteFile) {
        return siteFile ? this.sandboxed : this.headers;
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value);
        }
    }
}
