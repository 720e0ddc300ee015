package be.biodiversity.portal.content.literature;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A publication that uses GBIF-mediated data, shaped like a record of GBIF's literature search. The id is
 * GBIF's. {@code searchTokens} (folded words of title, abstract, authors and source) serves the text query on
 * every MongoDB backend, the embedded one having no {@code $text}; it never leaves the service. {@code sample} is
 * true only for the invented sample records ({@code portal.content.literature.sample}), which a reader must label
 * as such; {@code origin} (how the record came in) never leaves the service either.
 */
@Document("literature")
record LiteratureRecord(
        @Id String id,
        String title,
        List<Author> authors,
        Integer year,
        String source,
        String literatureType,
        List<String> topics,
        List<String> countriesOfResearcher,
        List<String> countriesOfCoverage,
        Boolean openAccess,
        Boolean peerReview,
        Map<String, String> identifiers,
        List<String> websites,
        @JsonProperty("abstract") String abstractText,
        List<String> gbifDownloadKey,
        Boolean sample,
        @JsonIgnore Origin origin,
        @JsonIgnore @Indexed List<String> searchTokens,
        @Version Long version,
        Instant modifiedAt) {

    LiteratureRecord {
        sample = Boolean.TRUE.equals(sample);
    }

    /** How a record came in: GBIF's literature search (sync), an editor's upload, or the invented sample. */
    enum Origin { GBIF, IMPORT, SAMPLE }

    /** The same record as imported data from the same origin, ignoring what the service adds (tokens, version, time). */
    boolean sameContentAs(LiteratureRecord other) {
        return other != null && imported().equals(other.imported());
    }

    LiteratureRecord imported() {
        return new LiteratureRecord(id, title, authors, year, source, literatureType, topics, countriesOfResearcher,
                countriesOfCoverage, openAccess, peerReview, identifiers, websites, abstractText, gbifDownloadKey,
                sample, origin, null, null, null);
    }

    /** This record as coming from {@code from}: only the sample's records are marked {@code sample}. */
    LiteratureRecord from(Origin from) {
        return new LiteratureRecord(id, title, authors, year, source, literatureType, topics, countriesOfResearcher,
                countriesOfCoverage, openAccess, peerReview, identifiers, websites, abstractText, gbifDownloadKey,
                from == Origin.SAMPLE, from, null, null, null);
    }

    LiteratureRecord stored(List<String> tokens, Long currentVersion, Instant now) {
        return new LiteratureRecord(id, title, authors, year, source, literatureType, topics, countriesOfResearcher,
                countriesOfCoverage, openAccess, peerReview, identifiers, websites, abstractText, gbifDownloadKey,
                sample, origin, tokens, currentVersion, now);
    }
}
