package be.biodiversity.portal.search;

import java.util.List;

/**
 * The scoring rules every search shares: each query word scores by the best field it begins a word of, a whole word
 * more than a prefix, a field weight deciding between fields (a title over headings over body text; an acronym over
 * a name over a city); a field that holds the whole query as a phrase earns a bonus.
 */
public final class Ranking {

    private Ranking() {
    }

    /** {@code whole} when a word equals the query word, {@code prefix} when one begins with it, else 0. */
    public static int best(String[] words, String queryWord, int whole, int prefix) {
        int best = 0;
        for (String word : words) {
            if (word.equals(queryWord)) {
                return whole;
            }
            if (best == 0 && word.startsWith(queryWord)) {
                best = prefix;
            }
        }
        return best;
    }

    /** {@code equal} when a phrase is the query phrase, {@code begins} when one begins with it, else 0. */
    public static int phrase(String[] phrases, String queryPhrase, int equal, int begins) {
        if (queryPhrase == null || queryPhrase.isEmpty()) {
            return 0;
        }
        int best = 0;
        for (String phrase : phrases) {
            if (phrase.equals(queryPhrase)) {
                return equal;
            }
            if (best == 0 && phrase.startsWith(queryPhrase)) {
                best = begins;
            }
        }
        return best;
    }

    /** The query's folded words joined by single spaces. */
    public static String phraseOf(List<String> queryWords) {
        return String.join(" ", queryWords);
    }
}
