package be.biodiversity.portal.render.dataset;

import java.util.List;

import be.biodiversity.portal.render.gbif.GbifRecords;
import be.biodiversity.portal.render.gbif.SearchAnswer;

/** Our view of a GBIF dataset ({@code /dataset/{key}}). */
record Dataset(String key, String title, String description, String type, String license, String doi,
        Citation citation, String publishingOrganizationKey, String homepage, String created, String modified,
        String pubDate) {

    record Citation(String text) {
    }

    /** One result of {@code /dataset/search}. */
    record Found(String key, String title, String type, String publishingOrganizationKey,
            String publishingOrganizationTitle, String license, Long recordCount) {
    }

    /** An answer of {@code /dataset/search}. */
    record Page(long offset, int limit, boolean endOfRecords, long count, List<Found> results,
            List<GbifRecords.Facet> facets) implements SearchAnswer {
    }

    /** Only the count of an occurrence search ({@code limit=0}). */
    record Count(long count) {
    }
}
