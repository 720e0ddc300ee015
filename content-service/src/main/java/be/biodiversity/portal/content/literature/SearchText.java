package be.biodiversity.portal.content.literature;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Words as the text query compares them: lower case, accents folded ("Musée" and "musee" are one word). */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(NOT_A_WORD.split(folded)).filter(w -> !w.isEmpty()).toList();
    }

    /** The distinct words of all the given texts, for a record's search tokens. */
    static List<String> tokens(Collection<String> texts) {
        return texts.stream().filter(Objects::nonNull).flatMap(t -> words(t).stream()).distinct().sorted().toList();
    }
}
