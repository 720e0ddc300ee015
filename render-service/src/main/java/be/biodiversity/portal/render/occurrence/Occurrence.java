package be.biodiversity.portal.render.occurrence;

import java.util.List;

import be.biodiversity.portal.render.gbif.GbifRecords;
import be.biodiversity.portal.render.gbif.SearchAnswer;

/** Our view of a GBIF occurrence ({@code /occurrence/{key}} and the results of {@code /occurrence/search}). */
record Occurrence(Long key, String scientificName, String taxonRank, String kingdom, String family, Long taxonKey,
        String basisOfRecord, String eventDate, Integer year, String country, String countryCode,
        String stateProvince, String locality, Double decimalLatitude, Double decimalLongitude,
        Double coordinateUncertaintyInMeters, String recordedBy, String identifiedBy, String institutionCode,
        String collectionCode, String catalogNumber, String occurrenceID, String datasetKey, String datasetName,
        String publishingOrgKey, String publishingCountry, String license, String occurrenceStatus) {

    /** An answer of {@code /occurrence/search}. */
    record Page(long offset, int limit, boolean endOfRecords, long count, List<Occurrence> results,
            List<GbifRecords.Facet> facets) implements SearchAnswer {
    }
}
