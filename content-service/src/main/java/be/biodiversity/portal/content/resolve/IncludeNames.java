package be.biodiversity.portal.content.resolve;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names an include tag may use: a file of the site's {@code _includes} folder or of the portal's built-in
 * set, such as {@code figure.html} or {@code blocks/hero.html}. Nothing that could reach outside that set:
 * no {@code ..}, no absolute path, no backslash, no scheme or drive ({@code :}), no empty segment.
 */
public final class IncludeNames {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
    private static final int MAX_LENGTH = 200;

    private IncludeNames() {
    }

    /** Why {@code name} cannot be an include, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("names no file");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("names a file longer than " + MAX_LENGTH + " characters");
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return Optional.of("'" + shown(name) + "' is not a file of the site's _includes (absolute paths, "
                    + "backslashes and URLs are not allowed)");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || !SEGMENT.matcher(segment).matches()) {
                return Optional.of("'" + shown(name) + "' is not a file of the site's _includes (letters, digits, "
                        + "'.', '-', '_' and '/' between folder names; no '..')");
            }
        }
        return Optional.empty();
    }

    /** A name as it may be shown in a message: short and on one line. */
    static String shown(String name) {
        String line = name.replaceAll("[\\p{Cntrl}]", "?");
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
