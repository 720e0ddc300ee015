package be.biodiversity.portal.directory.organisation;

import java.util.List;

import be.biodiversity.portal.search.Ranking;

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
            score += Math.max(Ranking.best(entry.acronymWords(), word, 100, 40),
                    Math.max(Ranking.best(entry.nameWords(), word, 30, 20), Ranking.best(entry.cityWords(), word, 10, 5)));
        }
        return score + Ranking.phrase(entry.namePhrases(), queryPhrase, 100, 50);
    }
}
