package be.biodiversity.portal.content.gbif;

import java.util.List;

/** One page of a GBIF search answer: {@code {offset, limit, endOfRecords, count, results}} (facets not read). */
public record GbifPage<T>(long offset, int limit, boolean endOfRecords, Long count, List<T> results) {

    public GbifPage {
        results = results == null ? List.of() : results;
    }
}
