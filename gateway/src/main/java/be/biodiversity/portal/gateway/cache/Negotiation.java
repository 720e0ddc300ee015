package be.biodiversity.portal.gateway.cache;

/** The two request headers a cached page answers to: {@code Accept-Encoding} and {@code If-None-Match}. */
final class Negotiation {

    private Negotiation() {
    }

    /** True when {@code Accept-Encoding} lists gzip (or *) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

    /** True when {@code If-None-Match} (all its values, comma-joined) names {@code etag} (weak comparison) or *. */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String value : ifNoneMatch.split(",")) {
            value = value.trim();
            if (value.equals("*") || (value.startsWith("W/") ? value.substring(2) : value).equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
