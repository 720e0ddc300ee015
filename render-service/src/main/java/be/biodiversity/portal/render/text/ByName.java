package be.biodiversity.portal.render.text;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Lists in the order a reader of a language expects names (its collation: "Écologie" beside "Ecologie", not after
 * "Zoologie"); a missing name last. (Collation keys made once per name were slower here than comparing: a key is the
 * whole name's, a comparison stops at the first difference.)
 */
public final class ByName {

    private ByName() {
    }

    public static <T> List<T> sorted(Stream<T> items, Function<T, String> name, String lang) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag(lang));
        return items.sorted(Comparator.comparing(name, Comparator.nullsLast(collator))).toList();
    }
}
