package be.biodiversity.portal.content.search;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import be.biodiversity.portal.search.Folding;
import be.biodiversity.portal.search.PrefixIndex;
import be.biodiversity.portal.search.Ranking;

/**
 * What the site search keeps of one published page or post: what a result shows (path, title, description, date,
 * the text for its snippet) and the folded words of each field, which rank differently: title, then headings, then
 * description, then body. The words are shared between entries ({@link #shared}).
 */
record SiteEntry(String key, long version, String site, String lang, String kind, String permalink, String title,
        String description, Instant date, PackedText packedText, String[] titleWords, String[] titlePhrases,
        String[] headingWords, String[] descriptionWords, String[] bodyWords) implements PrefixIndex.Entry {

    static SiteEntry of(String key, long version, String site, String lang, String kind, String permalink,
            String title, String description, Instant date, List<String> headings, String text) {
        return new SiteEntry(key, version, site, lang, kind, permalink, title, description, date, PackedText.of(text),
                shared(Folding.words(List.of(nonNull(title)))), Folding.phrases(List.of(nonNull(title))),
                shared(Folding.words(headings)), shared(Folding.words(List.of(nonNull(description)))),
                shared(Folding.words(List.of(text))));
    }

    /**
     * One copy of each word for all entries (the JVM's string pool; unused words are collected): each page kept its
     * own copy of every word, some 500,000 strings and 25 MB at 5,000 documents.
     */
    private static String[] shared(String[] words) {
        for (int i = 0; i < words.length; i++) {
            words[i] = words[i].intern();
        }
        return words;
    }

    /** The page's text, for the snippets of a hit. */
    String text() {
        return packedText.text();
    }

    @Override
    public void words(Consumer<String> sink) {
        for (String[] field : List.of(titleWords, headingWords, descriptionWords, bodyWords)) {
            for (String word : field) {
                sink.accept(word);
            }
        }
    }

    /** Title over headings over description over body; a whole word over a prefix; the whole query in the title. */
    int score(List<String> queryWords, String queryPhrase) {
        int score = 0;
        for (String word : queryWords) {
            score += Math.max(Math.max(Ranking.best(titleWords, word, 100, 60), Ranking.best(headingWords, word, 30, 20)),
                    Math.max(Ranking.best(descriptionWords, word, 20, 12), Ranking.best(bodyWords, word, 10, 5)));
        }
        return score + Ranking.phrase(titlePhrases, queryPhrase, 100, 50);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
