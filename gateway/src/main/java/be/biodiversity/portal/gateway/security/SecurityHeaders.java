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

    SecurityHeaders(SecurityHeadersProperties properties) {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "Content-Security-Policy", properties.contentSecurityPolicy());
        put(headers, "Strict-Transport-Security", properties.strictTransportSecurity());
        put(headers, "X-Content-Type-Options", "nosniff");
        put(headers, "Referrer-Policy", properties.referrerPolicy());
        put(headers, "X-Frame-Options", "DENY");
        put(headers, "Permissions-Policy", properties.permissionsPolicy());
        this.headers = Map.copyOf(headers);
    }

    public Map<String, String> all() {
        return this.headers;
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value);
        }
    }
}
