package be.biodiversity.portal.content.page;

import java.text.Normalizer;
import java.util.Locale;

/** Jekyll's {@code slugify} in its default mode: every run of non-alphanumerics becomes one hyphen, lower case. */
public final class Slugs {

    private Slugs() {
    }

    public static String slugify(String text) {
        String slug = text.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        return slug.toLowerCase(Locale.ROOT);
    }

    /** Lower case without accents, for matching text the way a visitor types it. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
