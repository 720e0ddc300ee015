package be.biodiversity.portal.directory.organisation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Folds text for searching and sorting: lower case, accents removed, split into words of letters and digits. */
final class Tokens {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Tokens() {
    }

    /** Lower case without accents: {@code "Musée"} becomes {@code "musee"}; {@code null} stays {@code null}. */
    static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The folded words of a text, in order, without repeats; empty for {@code null}. */
    static List<String> words(String text) {
        String folded = fold(text);
        if (folded == null || folded.isEmpty()) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(folded)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    /** The folded words of several texts, without repeats. */
    static String[] words(Collection<String> texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            words.addAll(words(text));
        }
        return words.toArray(String[]::new);
    }

    /** The folded words of the texts joined by single spaces, for phrase matching; nulls are left out. */
    static String[] phrases(Collection<String> texts) {
        List<String> phrases = new ArrayList<>();
        for (String text : texts) {
            List<String> words = words(text);
            if (!words.isEmpty()) {
                phrases.add(String.join(" ", words));
            }
        }
        return phrases.toArray(String[]::new);
    }
}
