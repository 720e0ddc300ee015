package be.biodiversity.portal.render.compose;

import java.util.Locale;

/** What stands in for a missing photo or logo: the initials of a name ("Jane Doe" → "JD"). */
final class Initials {

    private Initials() {
    }

    /**
     * The first letters of the words that begin with a capital (so "van", "de", "voor" are skipped), at most
     * {@code max}; for a person the first and the last such word.
     */
    static String of(String name, int max, boolean firstAndLast) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        StringBuilder letters = new StringBuilder();
        for (String word : name.strip().split("[\\s\\-–/]+")) {
            int first = word.isEmpty() ? -1 : word.codePointAt(0);
            if (first != -1 && Character.isUpperCase(first)) {
                letters.appendCodePoint(first);
            }
        }
        if (letters.isEmpty()) {
            letters.appendCodePoint(name.strip().codePointAt(0));
        }
        String all = letters.toString().toUpperCase(Locale.ROOT);
        if (firstAndLast && all.codePointCount(0, all.length()) > 2) {
            return new StringBuilder().appendCodePoint(all.codePointAt(0))
                .appendCodePoint(all.codePointBefore(all.length())).toString();
        }
        return all.codePointCount(0, all.length()) > max ? all.substring(0, all.offsetByCodePoints(0, max)) : all;
    }
}
