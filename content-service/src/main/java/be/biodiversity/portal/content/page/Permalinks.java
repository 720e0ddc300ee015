package be.biodiversity.portal.content.page;

import java.util.regex.Pattern;

/** The one form a permalink is stored and looked up in: a leading slash, no trailing slash (but {@code /}). */
public final class Permalinks {

    private static final Pattern WELL_FORMED = Pattern.compile("/|(/[A-Za-z0-9_][A-Za-z0-9._~-]*)+");

    private Permalinks() {
    }

    /** Drops trailing slashes: {@code /nl/community/} and {@code /nl/community} are the same page. */
    public static String normalise(String path) {
        String trimmed = path == null ? "" : path.trim();
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    public static boolean isWellFormed(String normalised) {
        return WELL_FORMED.matcher(normalised).matches() && !normalised.contains("/../") && !normalised.endsWith("/..")
                && !normalised.contains("/./") && !normalised.endsWith("/.");
    }
}
