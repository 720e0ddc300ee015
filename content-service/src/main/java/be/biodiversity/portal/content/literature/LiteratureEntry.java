package be.biodiversity.portal.content.literature;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import be.biodiversity.portal.search.Folding;
import be.biodiversity.portal.search.PrefixIndex;

/**
 * What the literature index keeps of one record: the folded words of its title, abstract, source and authors (a
 * query word must begin one of them), its filter and facet values and its sort keys. Never shown.
 */
record LiteratureEntry(String key, long version, String[] words, Integer year, String title, String literatureType,
        List<String> topics, List<String> countriesOfResearcher, List<String> countriesOfCoverage, Boolean openAccess,
        Boolean peerReview) implements PrefixIndex.Entry {

    static LiteratureEntry of(LiteratureRecord record) {
        List<String> texts = new ArrayList<>();
        texts.add(record.title());
        texts.add(record.abstractText());
        texts.add(record.source());
        if (record.authors() != null) {
            record.authors().forEach(author -> texts.add(author.fullName()));
        }
        texts.removeIf(java.util.Objects::isNull);
        return new LiteratureEntry(record.id(), record.version() == null ? 0 : record.version(),
                Folding.words(texts), record.year(), record.title(), record.literatureType(), orEmpty(record.topics()),
                orEmpty(record.countriesOfResearcher()), orEmpty(record.countriesOfCoverage()), record.openAccess(),
                record.peerReview());
    }

    @Override
    public void words(Consumer<String> sink) {
        for (String word : words) {
            sink.accept(word);
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
