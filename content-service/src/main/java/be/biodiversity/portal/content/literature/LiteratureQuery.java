package be.biodiversity.portal.content.literature;

import java.util.List;
import java.util.Set;

import be.biodiversity.portal.content.web.InvalidFieldException;
import be.biodiversity.portal.content.web.RequestParams;
import be.biodiversity.portal.search.Folding;

/**
 * A literature search as GBIF's literature API names its parameters, checked on construction: a bad value is
 * a 400 naming the parameter, never a query.
 */
record LiteratureQuery(String q, Integer yearFrom, Integer yearTo, List<String> literatureType, List<String> topics,
        List<String> countriesOfResearcher, List<String> countriesOfCoverage, Boolean openAccess, Boolean peerReview,
        long offset, int limit) {

    static final int MAX_QUERY_LENGTH = RequestParams.MAX_TEXT;
    /** The most values one filter takes: more cannot narrow a search of a few vocabularies. */
    static final int MAX_VALUES = 50;

    LiteratureQuery {
        RequestParams.text("q", q, MAX_QUERY_LENGTH);
        RequestParams.texts("literatureType", literatureType, MAX_VALUES);
        RequestParams.texts("topics", topics, MAX_VALUES);
        RequestParams.texts("countriesOfResearcher", countriesOfResearcher, MAX_VALUES);
        RequestParams.texts("countriesOfCoverage", countriesOfCoverage, MAX_VALUES);
        RequestParams.year("year", yearFrom);
        RequestParams.year("year", yearTo);
        literatureType = upper(literatureType);
        topics = upper(topics);
        countriesOfResearcher = upper(countriesOfResearcher);
        countriesOfCoverage = upper(countriesOfCoverage);
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new InvalidFieldException("year", "the range " + yearFrom + "," + yearTo + " is empty");
        }
        requireKnown("literatureType", literatureType, Vocabulary.LITERATURE_TYPES);
        requireKnown("topics", topics, Vocabulary.TOPICS);
        requireCountries("countriesOfResearcher", countriesOfResearcher);
        requireCountries("countriesOfCoverage", countriesOfCoverage);
        RequestParams.offset(offset);
        RequestParams.limit(limit, 0);
    }

    /** GBIF's year parameter: one year ({@code 2020}) or a range ({@code 2018,2022}, either end may be open). */
    static Integer[] parseYear(String year) {
        if (year == null || year.isBlank()) {
            return new Integer[] { null, null };
        }
        RequestParams.text("year", year, 20);
        String[] ends = year.split(",", -1);
        if (ends.length > 2) {
            throw new InvalidFieldException("year", "'" + year + "' is neither a year nor a range like 2018,2022");
        }
        try {
            Integer from = ends[0].isBlank() || ends[0].equals("*") ? null : Integer.valueOf(ends[0].trim());
            String last = ends[ends.length - 1];
            Integer to = last.isBlank() || last.equals("*") ? null : Integer.valueOf(last.trim());
            return new Integer[] { from, to };
        }
        catch (NumberFormatException ex) {
            throw new InvalidFieldException("year", "'" + year + "' is neither a year nor a range like 2018,2022");
        }
    }

    /** The folded words of {@code q}: each must begin a word of the title, abstract, source or an author. */
    List<String> words() {
        return Folding.words(q);
    }

    private static List<String> upper(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !v.isBlank())
                .map(v -> v.trim().toUpperCase(java.util.Locale.ROOT)).distinct().toList();
    }

    private static void requireKnown(String field, List<String> values, Set<String> known) {
        values.stream().filter(v -> !known.contains(v)).findFirst().ifPresent(v -> {
            throw new InvalidFieldException(field, "'" + v + "' is not one of " + new java.util.TreeSet<>(known));
        });
    }

    private static void requireCountries(String field, List<String> values) {
        values.stream().filter(v -> !Vocabulary.isCountry(v)).findFirst().ifPresent(v -> {
            throw new InvalidFieldException(field, "'" + v + "' is not a two-letter ISO 3166 country code");
        });
    }
}
