package be.biodiversity.portal.directory.organisation;

import java.util.List;

/**
 * How well an organisation matches the words of a query; higher is better. Every query word must begin a word of
 * the organisation (checked by the index before). A whole word beats a prefix; an acronym beats a name, a name beats
 * a city. A name that begins with the whole query, or equals it, earns a bonus, so {@code meise} ranks Meise Botanic
 * Garden above an organisation that is merely located in Meise.
 */
final class Relevance {

    private Relevance() {
    }

    static int score(IndexEntry entry, List<String> queryWords, String queryPhrase) {
        int score = 0;
        for (String word : queryWords) {
            score += Math.max(best(entry.acronymWords(), word, 100, 40),
                    Math.max(best(entry.nameWords(), word, 30, 20), best(entry.cityWords(), word, 10, 5)));
        }
        for (String phrase : entry.namePhrases()) {
            if (phrase.equals(queryPhrase)) {
                return score + 100;
            }
        }
        for (String phrase : entry.namePhrases()) {
            if (phrase.startsWith(queryPhrase)) {
                return score + 50;
            }
        }
        return score;
    }

    private static int best(String[] words, String queryWord, int whole, int prefix) {
        int best = 0;
        for (String word : words) {
            if (word.equals(queryWord)) {
                return whole;
            }
            if (word.startsWith(queryWord)) {
                best = prefix;
            }
        }
        return best;
    }
}
